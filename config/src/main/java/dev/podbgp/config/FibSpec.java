package dev.podbgp.config;

/**
 * How learned routes are installed in the kernel.
 *
 * @param table      routing table (254 is main)
 * @param protocol   rtnetlink protocol number that marks our routes, so reconcile touches only ours
 * @param ecmpWidth  most next hops of one multipath route
 * @param keepOnExit leave routes installed when the daemon stops
 */
public record FibSpec(long table, int protocol, int ecmpWidth, boolean keepOnExit) {
    public static final long MAIN_TABLE = 254;
    /** Clear of every number a common routing suite uses (see docs/fib.md, "Ownership"); the same as {@code RouteOwner.PODBGP_PROTOCOL}. */
    public static final int PODBGP_PROTOCOL = 244;
    public static final FibSpec DEFAULT = new FibSpec(MAIN_TABLE, PODBGP_PROTOCOL, 8, false);
}
