package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ControlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Make the daemon reread its config file, like SIGHUP.", "",
            "An invalid file is refused (the message names file, line and field) and the running",
            "config stays. A valid one is applied without resetting sessions it does not affect: a",
            "policy change re-evaluates routes, a new peer starts a session, a removed peer gets a",
            "Cease."},
        footerHeading = "%nExample:%n", footer = "  podbgp validate /etc/podbgp/podbgp.yaml && podbgp reload")
final class ReloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SocketOption socket;

    @Override
    public Integer call() throws ControlException {
        spec.commandLine().getOut().println(socket.client().reload());
        return Main.EXIT_OK;
    }
}
