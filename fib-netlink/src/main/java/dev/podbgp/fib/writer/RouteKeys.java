package dev.podbgp.fib.writer;

import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.inet.Prefix;
import java.io.IOException;

/**
 * How one address family's prefixes become the {@code long} keys the writer's state is kept
 * under (non-negative, below 2^60, so a key fits a {@link RequestTag}), and how a keyed route
 * is written. IPv4 packs the prefix itself; IPv6 numbers the prefixes it has seen and gives a
 * number back when the writer no longer holds anything for it.
 */
sealed interface RouteKeys permits Ipv4RouteKeys, Ipv6RouteKeys {

    /** {@code AF_INET} or {@code AF_INET6}: what to dump. */
    int family();

    /** The {@link RequestTag} bit of this family. */
    long tagBit();

    /** The key of {@code prefix}, numbering it if it has none yet. */
    long keyOf(Prefix prefix);

    /** The key of {@code prefix}, or -1 if it has none. */
    long existingKey(Prefix prefix);

    Prefix prefix(long key);

    /** Whether {@link #release} does anything: keys that must be given back when unused. */
    boolean numbered();

    /** The writer holds nothing under {@code key} any more. */
    void release(long key);

    void replace(RouteWriter writer, long key, NextHop nextHop, long tag) throws IOException;

    void delete(RouteWriter writer, long key, long tag) throws IOException;
}
