package dev.podbgp.lab.peer;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Node;
import java.time.Duration;
import java.util.Map;

/**
 * A BGP speaker running in a lab node, configured from a {@link PeerConfig} and read back
 * through its own CLI or API. Every wait is bounded and, on timeout, carries {@link #logs()}.
 */
public interface Peer {
    /** "frr", "bird", ...: names the fixture in messages. */
    String name();

    Node node();

    PeerConfig config();

    /** The session's state towards {@code neighbor}, as the daemon reports it now. */
    SessionState state(IpAddress neighbor);

    /** Routes learned from neighbors (not its own), best path per prefix. */
    Map<Prefix, RouteAttributes> receivedRoutes();

    /** Originates {@code route} now (reconfiguring the running daemon). */
    void announce(Route route);

    /** Stops originating {@code prefix}. */
    void withdraw(Prefix prefix);

    /** Stops the daemon (SIGTERM, then SIGKILL after a bounded wait). */
    void stop();

    /** SIGSTOP: sessions stay open but the daemon falls silent. */
    void freeze();

    /** SIGCONT after {@link #freeze()}. */
    void thaw();

    /** Tails of the daemon's logs and its current view, for failure messages. */
    String logs();

    /** Waits until every configured neighbor is Established. */
    default void awaitEstablished(Duration timeout) {
        for (Neighbor n : config().neighbors()) {
            awaitState(n.address(), SessionState.ESTABLISHED, timeout);
        }
    }

    default void awaitState(IpAddress neighbor, SessionState state, Duration timeout) {
        Await.until(name() + " session to " + neighbor + " " + state, timeout, () -> state(neighbor) == state,
                this::logs);
    }

    /** Waits until the session to {@code neighbor} has left Established (hold timer, NOTIFICATION). */
    default void awaitNotEstablished(IpAddress neighbor, Duration timeout) {
        Await.until(name() + " session to " + neighbor + " leaving Established", timeout,
                () -> state(neighbor) != SessionState.ESTABLISHED, this::logs);
    }

    /** Waits until {@code prefix} is received and returns its attributes. */
    default RouteAttributes awaitRoute(Prefix prefix, Duration timeout) {
        RouteAttributes[] found = new RouteAttributes[1];
        Await.until(name() + " receiving " + prefix, timeout, () -> (found[0] = receivedRoutes().get(prefix)) != null,
                this::logs);
        return found[0];
    }

    /** Waits until {@code prefix} is no longer received. */
    default void awaitNoRoute(Prefix prefix, Duration timeout) {
        Await.until(name() + " no longer having " + prefix, timeout, () -> !receivedRoutes().containsKey(prefix),
                this::logs);
    }
}
