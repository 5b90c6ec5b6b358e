package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Command;

/**
 * Where a helper's route commands go: the daemon's origination, the same path as the control socket's
 * {@code announce route}. Called from a helper's own thread, which may wait.
 */
public interface RouteSink {

    void announce(Command.Announce announce);

    void withdraw(Command.Withdraw withdraw);
}
