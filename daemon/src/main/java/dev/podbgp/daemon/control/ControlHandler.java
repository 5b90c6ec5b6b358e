package dev.podbgp.daemon.control;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon answers on the control socket. {@link ControlServer} calls these from its
 * client threads, possibly concurrently: an implementation hands work to the thread that owns
 * the state (RIB thread, FIB writer) and waits for the answer, it does not read that state
 * directly. Throw {@link ControlException} with an operator-facing message to refuse.
 */
public interface ControlHandler {

    List<NeighborView> neighbors() throws ControlException;

    /**
     * Every path of every prefix when {@code filter} is empty; otherwise the paths of the prefixes
     * equal to or inside the filter (10.0.0.0/8 lists 10.240.1.0/24).
     */
    List<RouteView> routes(Optional<Prefix> filter) throws ControlException;

    List<FibView> fib() throws ControlException;

    /** The running configuration as YAML text, after defaults were applied. */
    String config() throws ControlException;

    /**
     * An ExaBGP text command ({@code announce route ...}, {@code withdraw route ...}), already
     * parsed by {@link dev.podbgp.bgp.exabgp.CommandParser}; returns what was done, e.g.
     * "announced 10.0.0.0/24 to 2 peers".
     */
    String routeCommand(Command command) throws ControlException;

    /** Rereads the config file; returns what changed. An invalid file is refused and the running config kept. */
    String reload() throws ControlException;

    /**
     * {@code podbgp clear neighbor}: resets the session to the configured peer {@code address}, or with a soft
     * scope only re-exchanges routes; returns what was done. An unknown address, or a soft clear of a session that
     * is not Established, is refused.
     */
    String clearNeighbor(IpAddress address, ClearScope scope) throws ControlException;
}
