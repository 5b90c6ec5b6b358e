package dev.podbgp.bench;

import dev.podbgp.inet.Ipv6Address;

/**
 * What the full-table benchmark's feeders send: {@code feeders} eBGP peers, feeder {@code i} at
 * 192.0.2.(1+i) and 2001:db8:ffff::(1+i) with AS 65001+i, each announcing {@code ipv4} /24s and
 * {@code ipv6} /48s in 1,000 UPDATEs per family (1,000 attribute sets). With {@code shared}
 * every feeder announces the same prefixes, each under its own attributes (AS paths and MEDs
 * from its own seed), so the daemon runs the decision process for every prefix; otherwise each
 * announces its own block, as bgperf2 does by default (its peers' prefixes are disjoint).
 */
record FeedPlan(int feeders, int ipv4, int ipv6, boolean shared) {

    static final int MESSAGES_PER_FAMILY = 1000;
    static final String TARGET_ADDRESS6 = "2001:db8:ffff::fe";

    FeedPlan {
        if (feeders < 1 || feeders > 50) {
            throw new IllegalArgumentException("--feeders must be 1..50 (their addresses are 192.0.2.1-50), not " + feeders);
        }
        if (ipv4 < MESSAGES_PER_FAMILY || ipv4 % MESSAGES_PER_FAMILY != 0) {
            throw new IllegalArgumentException("--prefixes must be a positive multiple of " + MESSAGES_PER_FAMILY);
        }
        if (ipv6 < 0 || ipv6 % MESSAGES_PER_FAMILY != 0 || ipv6 / MESSAGES_PER_FAMILY > UpdateStream.IPV6_PER_MESSAGE) {
            throw new IllegalArgumentException("--ipv6-prefixes must be a multiple of " + MESSAGES_PER_FAMILY
                    + " up to " + MESSAGES_PER_FAMILY * UpdateStream.IPV6_PER_MESSAGE);
        }
        long distinct = shared ? ipv4 : (long) ipv4 * feeders;
        if (distinct > 7_000_000) {
            // From 10.0.0.0/24 upwards, 7M /24s end in 116.x, below loopback's 127/8.
            throw new IllegalArgumentException("at most 7M distinct IPv4 /24s, not " + distinct);
        }
    }

    boolean hasIpv6() {
        return ipv6 > 0;
    }

    String feederAddress(int i) {
        return "192.0.2." + (1 + i);
    }

    String feederAddress6(int i) {
        return "2001:db8:ffff::" + Integer.toHexString(1 + i);
    }

    long feederAs(int i) {
        return FullTableBenchmark.FEEDER_AS + i;
    }

    /** Routes in the daemon's Adj-RIBs-In once every feeder's table is in. */
    long ribRoutes() {
        return (long) feeders * (ipv4 + ipv6);
    }

    /** IPv4 prefixes in the kernel FIB once the table is in. */
    long fibIpv4() {
        return shared ? ipv4 : (long) ipv4 * feeders;
    }

    long fibIpv6() {
        return shared ? ipv6 : (long) ipv6 * feeders;
    }

    /** Feeder {@code i}'s announcements: IPv4 first, then IPv6. */
    byte[][] announcements(int i) {
        UpdateStream.Source source = new UpdateStream.Source(seed(i), feederAs(i), 0xC0000201 + 4 * i,
                Ipv6Address.parse(feederAddress6(i)));
        byte[][] v4 = UpdateStream.ipv4(source, firstIpv4(i), MESSAGES_PER_FAMILY, ipv4 / MESSAGES_PER_FAMILY);
        return hasIpv6() ? concat(v4, UpdateStream.ipv6(source, firstIpv6(i), MESSAGES_PER_FAMILY, ipv6 / MESSAGES_PER_FAMILY)) : v4;
    }

    /** Feeder {@code i}'s withdrawals of everything {@link #announcements} announced. */
    byte[][] withdrawals(int i) {
        byte[][] v4 = UpdateStream.ipv4Withdrawals(firstIpv4(i), MESSAGES_PER_FAMILY, ipv4 / MESSAGES_PER_FAMILY);
        return hasIpv6()
                ? concat(v4, UpdateStream.ipv6Withdrawals(firstIpv6(i), MESSAGES_PER_FAMILY, ipv6 / MESSAGES_PER_FAMILY))
                : v4;
    }

    /** The first feeder keeps the single-feeder stream's seed, so one feeder sends what earlier runs sent. */
    private static long seed(int i) {
        return 20240601 + 7919L * i;
    }

    private int firstIpv4(int i) {
        return shared ? 0 : i * ipv4;
    }

    private int firstIpv6(int i) {
        return shared ? 0 : i * ipv6;
    }

    private static byte[][] concat(byte[][] a, byte[][] b) {
        byte[][] out = new byte[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
