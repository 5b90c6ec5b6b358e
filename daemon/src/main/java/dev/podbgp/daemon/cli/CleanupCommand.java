package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.cni.CniPairing;
import dev.podbgp.daemon.cni.TargetNamespace;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Remove podbgp's CNI conflist and nftables table from this host.", "",
            "Undoes what the daemon set up on this host for pods: removes podbgp's CNI conflist",
            "from /etc/cni/net.d (new pods no longer get our network) and its nftables table",
            "(forward accept and masquerade). Run it after stopping the daemon for good; it needs",
            "root and no running daemon."},
        footerHeading = "%nExample:%n", footer = "  systemctl stop podbgp && podbgp cleanup")
final class CleanupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CniPairing pairing = new CniPairing(TargetNamespace.current(), CniPairing.Settings.defaults());
        pairing.cleanup();
        spec.commandLine().getOut().println("removed " + pairing.conflistFile() + " and podbgp's nftables table");
        return Main.EXIT_OK;
    }
}
