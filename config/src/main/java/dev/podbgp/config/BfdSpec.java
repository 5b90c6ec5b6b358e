package dev.podbgp.config;

import java.time.Duration;

/**
 * BFD for one peer (RFC 5880; single hop RFC 5881, multihop RFC 5883). When its session goes Down the BGP session
 * ends at once and the peer's routes leave the FIB (RFC 5882 §4.3); a BFD session that never came up does not keep
 * BGP from coming up.
 *
 * @param minTx      bfd.DesiredMinTxInterval: how often we would like to send once Up
 * @param minRx      bfd.RequiredMinRxInterval: how often we can take the peer's packets
 * @param multiplier bfd.DetectMult: packets missed before the peer declares the path down
 * @param multihop   RFC 5883 (UDP 4784, no TTL 255 check) for a peer not on a link of this node
 */
public record BfdSpec(boolean enabled, Duration minTx, Duration minRx, int multiplier, boolean multihop) {
    /** The interval range accepted in config: FRR's and BIRD's floor of 10 ms, a minute at most. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(60);

    /** 300 ms × 3: the path declared down within 0.9 s, at about 3 packets a second each way. */
    public static final BfdSpec DEFAULT = new BfdSpec(true, Duration.ofMillis(300), Duration.ofMillis(300), 3, false);
    public static final BfdSpec DISABLED = new BfdSpec(false, DEFAULT.minTx, DEFAULT.minRx, DEFAULT.multiplier, false);

    public BfdSpec {
        for (Duration d : new Duration[] {minTx, minRx}) {
            if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
                throw new IllegalArgumentException("BFD interval " + d.toMillis() + " ms is outside 10..60000 ms");
            }
        }
        if (multiplier < 2 || multiplier > 255) {
            throw new IllegalArgumentException("BFD multiplier " + multiplier + " is outside 2..255");
        }
    }
}
