package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ClearScope;
import dev.podbgp.inet.IpAddress;

/** {@code podbgp clear neighbor ADDRESS [--soft in|out]}: as 'clear bgp' in vtysh. */
final class ClearCommand {
    static final CliParameter ADDRESS = CliParameter.one("ADDRESS", "the peer's address, as in 'podbgp show neighbors'");
    static final CliOption SOFT = CliOption.valued("--soft", "in|out",
            "in: ask the peer for its routes again; out: send it ours again");

    private ClearCommand() {}

    static CliCommand command() {
        return CliCommand.named("clear", "Reset a BGP session, or exchange its routes again, as 'clear bgp' in vtysh.")
                .subcommands(neighbor())
                .examples(
                        "  podbgp clear neighbor 192.0.2.1",
                        "  podbgp clear neighbor 192.0.2.1 --soft in",
                        "  podbgp clear neighbor 2001:db8::1 --soft out")
                .group();
    }

    private static CliCommand neighbor() {
        return CliCommand.named("neighbor", "Reset the session to a configured peer, or with --soft only its routes.")
                .details(
                        "Without --soft the session ends with Cease/Administrative Reset (graceful where the",
                        "peer negotiated RFC 8538's N bit: it keeps our routes until the new session's",
                        "End-of-RIB) and comes back at once. A session in Idle starts now: the way back for",
                        "a peer torn down by maxPrefix with restartAfter: 0, or one waiting out its retry",
                        "backoff.",
                        "--soft in asks the peer for its routes again with a ROUTE-REFRESH (RFC 2918), e.g.",
                        "after an import policy change; --soft out sends it ours again. Neither resets the",
                        "session; both need it Established.")
                .parameter(ADDRESS)
                .options(SOFT, SocketOption.OPTION)
                .examples("  podbgp clear neighbor 192.0.2.1", "  podbgp clear neighbor 192.0.2.1 --soft in")
                .action((args, out, err) -> {
                    String address = args.word(ADDRESS);
                    try {
                        IpAddress.parse(address);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("not an IP address: " + address + " (" + e.getMessage() + ")");
                    }
                    String soft = args.value(SOFT);
                    ClearScope scope = soft == null ? ClearScope.HARD : ClearScope.ofSoft(soft)
                            .orElseThrow(() -> new UsageException("--soft takes 'in' or 'out', not '" + soft + "'"));
                    out.println(SocketOption.client(args).clearNeighbor(address, scope));
                    return Main.EXIT_OK;
                });
    }
}
