package dev.podbgp.bgp.transport;

/**
 * The IP TTL (IPv6 hop limit) a peer's connection sends with, and the lowest it accepts.
 *
 * @param sendTtl    TTL of our packets; 0 keeps the system default (64 on Linux)
 * @param minimumTtl packets below this TTL are dropped by the kernel; 0 accepts all
 */
public record TtlPolicy(int sendTtl, int minimumTtl) {

    /** The system default: iBGP and multihop peers whose distance is not pinned. */
    public static final TtlPolicy SYSTEM_DEFAULT = new TtlPolicy(0, 0);

    public TtlPolicy {
        if (sendTtl < 0 || sendTtl > 255 || minimumTtl < 0 || minimumTtl > 255) {
            throw new IllegalArgumentException("TTL values are 0 (unset) or 1..255");
        }
    }

    /**
     * RFC 5082 §3 (GTSM): send with 255 and accept only packets that crossed at most
     * {@code hops} routers' worth of decrements, i.e. TTL ≥ 256 − hops.
     */
    public static TtlPolicy gtsm(int hops) {
        if (hops < 1 || hops > 254) {
            throw new IllegalArgumentException("GTSM hop count " + hops + " is outside 1..254");
        }
        return new TtlPolicy(255, 256 - hops);
    }

    /** eBGP to a peer {@code hops} away (1 for directly connected, as routers default to). */
    public static TtlPolicy multihop(int hops) {
        return new TtlPolicy(hops, 0);
    }
}
