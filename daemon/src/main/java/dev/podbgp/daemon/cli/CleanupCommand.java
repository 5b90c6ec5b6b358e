package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.cni.CniConfigWriter;
import dev.podbgp.daemon.cni.CniPairing;
import dev.podbgp.daemon.cni.TargetNamespace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code podbgp cleanup}: what the daemon set up on the host for pods, removed. */
final class CleanupCommand {
    static final CliOption CONF_DIR = CliOption.valued("--conf-dir", "DIR",
            "the CNI conf dir the daemon wrote to, as its config's cni section says").withDefault(CniConfigWriter.DEFAULT_CONF_DIR);
    static final CliOption NETNS = CliOption.valued("--netns", "NAME",
            "clean up inside this named network namespace (ip netns) instead of the current one");

    private CleanupCommand() {}

    static CliCommand command() {
        return CliCommand.named("cleanup", "Remove podbgp's CNI conflist and nftables table from this host.")
                .details(
                        "Undoes what the daemon set up on this host for pods: removes podbgp's CNI conflist",
                        "(new pods no longer get our network), then its nftables table 'inet podbgp' (forward",
                        "accept and masquerade). Run it after stopping the daemon for good; it needs root.",
                        "Forwarding sysctls are left as they are: other software may rely on them.")
                .options(CONF_DIR, NETNS)
                .examples("  systemctl stop podbgp && podbgp cleanup", "  podbgp cleanup --conf-dir /etc/cni/net.d --netns node-1")
                .action((args, out, err) -> cleanup(args.path(CONF_DIR), args.value(NETNS), out));
    }

    private static int cleanup(Path confDir, String netns, PrintWriter out) throws IOException, UsageException {
        TargetNamespace ns;
        try {
            ns = netns == null ? TargetNamespace.current() : TargetNamespace.named(netns);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--netns: " + e.getMessage());
        }
        CniPairing pairing = new CniPairing(ns, CniPairing.Settings.defaults().withConfDir(confDir));
        pairing.cleanup();
        out.println("removed " + pairing.conflistFile() + " and the nftables table inet podbgp"
                + (netns == null ? "" : " in network namespace " + netns));
        return Main.EXIT_OK;
    }
}
