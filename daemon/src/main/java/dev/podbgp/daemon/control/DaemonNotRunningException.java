package dev.podbgp.daemon.control;

import java.nio.file.Path;

/** No daemon answers on the control socket: the CLI prints this and exits 1. */
public final class DaemonNotRunningException extends ControlException {
    public DaemonNotRunningException(Path socket, String why) {
        super("the podbgp daemon is not running: cannot connect to control socket " + socket + " (" + why
                + "); start it with 'podbgp run --config FILE', or pass --socket PATH if it listens elsewhere");
    }
}
