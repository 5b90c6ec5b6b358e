package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerScope;
import java.util.List;

/**
 * Where a helper's route commands go: the daemon's origination, the same path as the control socket's
 * {@code announce route}, for the peers its {@code neighbor ...} selectors named ({@link PeerScope}). Called from a
 * helper's own thread, which may wait.
 */
public interface RouteSink {

    void announce(Command.Announce announce, PeerScope scope);

    void withdraw(Command.Withdraw withdraw, PeerScope scope);

    /**
     * Undoes what was announced or withdrawn for {@code scope} at these prefixes, saying nothing new: a helper that
     * ended can no longer vouch for its routes, and what other helpers said stays.
     */
    void forget(List<Prefix> prefixes, PeerScope scope);
}
