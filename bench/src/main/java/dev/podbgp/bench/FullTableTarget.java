package dev.podbgp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A BGP daemon under test in the full-table benchmark: started in its own network namespace,
 * passive towards the feeder at {@link FullTableBenchmark#FEEDER_ADDRESS}, installing what it
 * learns into that namespace's kernel FIB (when it has a FIB at all).
 */
sealed interface FullTableTarget permits PodbgpTarget, BirdTarget, FrrTarget, GobgpTarget {

    String name();

    /** False for a daemon that only keeps a RIB (GoBGP without zebra): no FIB time is waited for. */
    default boolean hasFib() {
        return true;
    }

    /** Starts the daemon in {@code namespace}, passive towards every feeder of {@code plan}; files go to {@code dir}. */
    Running start(String namespace, Path dir, FeedPlan plan) throws IOException, InterruptedException;

    /** A started daemon: its processes (for RSS and CPU) and its own count of routes from the feeder. */
    interface Running extends AutoCloseable {

        /** The daemon's processes whose RSS and CPU are summed (bgpd and zebra for FRR). */
        List<ProcessHandle> processes();

        /** Routes from all feeders in the daemon's Adj-RIBs-In (every family), or -1 when it cannot tell yet. */
        long ribCount() throws IOException, InterruptedException;

        /** Recent log lines, for a failure message. */
        String logTail() throws IOException;

        @Override
        void close() throws IOException, InterruptedException;
    }
}
