package dev.podbgp.inet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Prefixes as hash-map keys. A million consecutive /24s (a full-table feed in address order)
 * must spread over a two-million-bucket table as random keys do: about 787 thousand distinct
 * buckets (m(1 - e^(-n/m))). The records' generated hash gave 65,536.
 */
class ValueHashTest {
    private static final int KEYS = 1 << 20;
    private static final int BUCKETS = 1 << 21;

    /** The bucket {@code HashMap} picks: the hash with its high half folded into the low half. */
    private static int bucket(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (BUCKETS - 1);
    }

    private static int distinctBuckets(IntFunction<Object> key) {
        BitSet used = new BitSet(BUCKETS);
        for (int i = 0; i < KEYS; i++) {
            used.set(bucket(key.apply(i)));
        }
        return used.cardinality();
    }

    @Test
    void consecutiveIpv4SlashTwentyFoursSpreadLikeRandomKeys() {
        assertThat(distinctBuckets(i -> new Ipv4Prefix(0x0A00_0000 + (i << 8), 24))).isGreaterThan(780_000);
    }

    @Test
    void consecutiveIpv4HostRoutesSpreadLikeRandomKeys() {
        assertThat(distinctBuckets(i -> new Ipv4Prefix(0xC000_0000 + i, 32))).isGreaterThan(780_000);
    }

    @Test
    void consecutiveIpv6SlashFortyEightsSpreadLikeRandomKeys() {
        long base = 0x2001_0db8_0000_0000L;
        assertThat(distinctBuckets(i -> new Ipv6Prefix(base + ((long) i << 16), 0, 48))).isGreaterThan(780_000);
    }

    @Test
    void samePrefixSameHashAndLengthMatters() {
        assertThat(Ipv4Prefix.parse("10.1.0.0/16").hashCode()).isEqualTo(Ipv4Prefix.parse("10.1.0.0/16").hashCode());
        assertThat(Ipv4Prefix.parse("10.1.0.0/16").hashCode()).isNotEqualTo(Ipv4Prefix.parse("10.1.0.0/17").hashCode());
        assertThat(Ipv6Prefix.parse("2001:db8::/32").hashCode()).isNotEqualTo(Ipv6Prefix.parse("2001:db8::/33").hashCode());
    }
}
