package dev.podbgp.bfd.session;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * RFC 5880 §6.8.7: each interval between periodic Control packets is cut by a random 0 to 25%, so
 * that sessions started together do not stay in step. With a Detect Mult of 1 a single late packet
 * would take the session down, so the interval is 75% to 90% of the negotiated one instead.
 */
final class TransmitJitter {

    static final double LOWEST = 0.75;
    static final double HIGHEST = 1.0;
    static final double HIGHEST_SINGLE_MULT = 0.90;

    private final RandomGenerator random;

    TransmitJitter(RandomGenerator random) {
        this.random = random;
    }

    /** The wait before the next packet, for a negotiated {@code interval} and our bfd.DetectMult. */
    Duration next(Duration interval, int detectMult) {
        double highest = detectMult == 1 ? HIGHEST_SINGLE_MULT : HIGHEST;
        double factor = highest - (highest - LOWEST) * random.nextDouble();
        return Duration.ofNanos((long) (interval.toNanos() * factor));
    }
}
