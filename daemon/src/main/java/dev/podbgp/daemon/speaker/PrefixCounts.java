package dev.podbgp.daemon.speaker;

/**
 * A peer's prefix counts as {@code show neighbors} and the metrics show them.
 *
 * @param received every announcement its import saw, accepted or not
 * @param accepted prefixes in its Adj-RIB-In now
 * @param advertised prefixes its update group's table holds for it
 */
public record PrefixCounts(long received, long accepted, long advertised) {

    public static final PrefixCounts NONE = new PrefixCounts(0, 0, 0);
}
