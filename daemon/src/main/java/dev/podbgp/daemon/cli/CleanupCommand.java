package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.cni.CniConfigWriter;
import dev.podbgp.daemon.cni.CniPairing;
import dev.podbgp.daemon.cni.TargetNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Remove podbgp's CNI conflist and nftables table from this host.", "",
            "Undoes what the daemon set up on this host for pods: removes podbgp's CNI conflist",
            "(new pods no longer get our network), then its nftables table 'inet podbgp' (forward",
            "accept and masquerade). Run it after stopping the daemon for good; it needs root.",
            "Forwarding sysctls are left as they are: other software may rely on them."},
        footerHeading = "%nExamples:%n",
        footer = {"  systemctl stop podbgp && podbgp cleanup", "  podbgp cleanup --conf-dir /etc/cni/net.d --netns node-1"})
final class CleanupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--conf-dir", paramLabel = "DIR",
            description = "the CNI conf dir the daemon wrote to, as its config's cni section says (default: ${DEFAULT-VALUE})")
    Path confDir = CniConfigWriter.DEFAULT_CONF_DIR;

    @Option(names = "--netns", paramLabel = "NAME",
            description = "clean up inside this named network namespace (ip netns) instead of the current one")
    String netns;

    @Override
    public Integer call() throws IOException, UsageException {
        TargetNamespace ns;
        try {
            ns = netns == null ? TargetNamespace.current() : TargetNamespace.named(netns);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--netns: " + e.getMessage());
        }
        CniPairing pairing = new CniPairing(ns, CniPairing.Settings.defaults().withConfDir(confDir));
        pairing.cleanup();
        spec.commandLine().getOut().println("removed " + pairing.conflistFile() + " and the nftables table inet podbgp"
                + (netns == null ? "" : " in network namespace " + netns));
        return Main.EXIT_OK;
    }
}
