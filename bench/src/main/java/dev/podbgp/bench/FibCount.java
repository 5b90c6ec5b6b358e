package dev.podbgp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Routes in the kernel FIB of a daemon's network namespace above what was there before it
 * started: IPv4 from the main table's {@code Prefixes:} in fib_triestat, IPv6 from the route
 * entry count in rt6_stats. Both are counters the kernel keeps, so a poll costs the same at a
 * million routes as at none (no dump).
 */
final class FibCount {

    private final boolean ipv6;
    private long ipv4Baseline;
    private long ipv6Baseline;

    FibCount(boolean ipv6) {
        this.ipv6 = ipv6;
    }

    /** Takes the counts of the fresh namespace {@code inside} is a process of. */
    void baseline(ProcessHandle inside) throws IOException {
        ipv4Baseline = ProcessStats.mainTablePrefixes(inside);
        ipv6Baseline = ipv6 ? ipv6Entries(inside) : 0;
    }

    long count(ProcessHandle inside) throws IOException {
        long routes = ProcessStats.mainTablePrefixes(inside) - ipv4Baseline;
        return ipv6 ? routes + ipv6Entries(inside) - ipv6Baseline : routes;
    }

    /** rt6_stats: fib nodes, route nodes, route allocations, route entries, ... in hexadecimal. */
    private static long ipv6Entries(ProcessHandle inside) throws IOException {
        String[] fields = Files.readString(Path.of("/proc", Long.toString(inside.pid()), "net", "rt6_stats")).strip().split("\\s+");
        return Long.parseLong(fields[3], 16);
    }
}
