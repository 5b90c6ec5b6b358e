package dev.podbgp.fib.writer;

import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.Prefix;
import java.io.IOException;

/**
 * What the FIB writer reports, on its own thread. Failures are per route and followed by a
 * retry; successes are counted per batch so a million routes do not mean a million calls.
 */
public interface FibListener {

    /** The kernel refused the route to {@code prefix}; it is retried after a backoff. */
    void onFailure(Prefix prefix, int errno, String reason, int attempt);

    /** A route that had failed is now in the kernel (or gone, for a withdrawal). */
    default void onRecovered(Prefix prefix) {}

    /** One batch was answered: {@code written} requests succeeded, {@code failed} did not. */
    default void onBatch(int written, int failed) {}

    /**
     * The route to {@code prefix} now goes through {@code to} instead of {@code from} (another gateway, interface or
     * ECMP set); it is written as one replace. Called per route before its batch is sent.
     */
    default void onNextHopChanged(Prefix prefix, NextHop from, NextHop to) {}

    /** Someone else deleted our route to {@code prefix}; it is being written again. */
    default void onHealed(Prefix prefix) {}

    /**
     * A link went down (set down, or its carrier lost), on the writer's monitor thread: the daemon ends the sessions
     * of peers directly connected through it (fast external fallover). Must not block.
     */
    default void onLinkDown(String name) {}

    /** A link came up, on the monitor thread; must not block. */
    default void onLinkUp(String name) {}

    /**
     * A default route of the main table changed (added, replaced or deleted, by anyone), on the monitor thread: the
     * daemon looks for a new gateway to peer with. Must not block.
     */
    default void onDefaultRouteChanged(boolean ipv6) {}

    FibListener NONE = (prefix, errno, reason, attempt) -> { };

    /**
     * The writer's thread stopped on {@code failure} (a socket error, or a bug): nothing submitted from now on
     * reaches the kernel. Called once, on that thread, as it ends.
     */
    default void onWriterStopped(IOException failure) {}
}
