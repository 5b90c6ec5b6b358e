package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ClearScope;
import dev.podbgp.daemon.control.ControlException;
import dev.podbgp.inet.IpAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "clear", mixinStandardHelpOptions = true,
        description = "Reset a BGP session, or exchange its routes again, as 'clear bgp' in vtysh.",
        synopsisSubcommandLabel = "neighbor ADDRESS [--soft in|out]",
        footerHeading = "%nExamples:%n",
        footer = {
            "  podbgp clear neighbor 192.0.2.1",
            "  podbgp clear neighbor 192.0.2.1 --soft in",
            "  podbgp clear neighbor 2001:db8::1 --soft out"})
final class ClearCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "neighbor", mixinStandardHelpOptions = true,
            description = {"Reset the session to a configured peer, or with --soft only its routes.", "",
                "Without --soft the session ends with Cease/Administrative Reset (graceful where the",
                "peer negotiated RFC 8538's N bit: it keeps our routes until the new session's",
                "End-of-RIB) and comes back at once. A session in Idle starts now: the way back for",
                "a peer torn down by maxPrefix with restartAfter: 0, or one waiting out its retry",
                "backoff.",
                "--soft in asks the peer for its routes again with a ROUTE-REFRESH (RFC 2918), e.g.",
                "after an import policy change; --soft out sends it ours again. Neither resets the",
                "session; both need it Established."},
            footerHeading = "%nExamples:%n",
            footer = {"  podbgp clear neighbor 192.0.2.1", "  podbgp clear neighbor 192.0.2.1 --soft in"})
    int neighbor(@Parameters(paramLabel = "ADDRESS", description = "the peer's address, as in 'podbgp show neighbors'")
            String address,
            @Option(names = "--soft", paramLabel = "in|out",
                    description = "in: ask the peer for its routes again; out: send it ours again") String soft,
            @Mixin SocketOption socket) throws ControlException, UsageException {
        try {
            IpAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw new UsageException("not an IP address: " + address + " (" + e.getMessage() + ")");
        }
        ClearScope scope = soft == null ? ClearScope.HARD : ClearScope.ofSoft(soft)
                .orElseThrow(() -> new UsageException("--soft takes 'in' or 'out', not '" + soft + "'"));
        spec.commandLine().getOut().println(socket.client().clearNeighbor(address, scope));
        return Main.EXIT_OK;
    }
}
