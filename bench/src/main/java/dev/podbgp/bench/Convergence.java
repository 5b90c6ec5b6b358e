package dev.podbgp.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * Waits until a daemon's RIB and FIB hold a given number of routes (the whole table, or none
 * after a withdrawal) and says when each got there. The RIB is asked through the daemon's own
 * interface, polled every 200 ms but backing off to four times the faster of the last two polls'
 * durations, so a slow query costs the daemon under about 20% of its time; the FIB count is the kernel's
 * counter, every 200 ms. A time is taken when the poll that saw the count returns, so it is an
 * upper bound by up to the poll's duration plus 200 ms.
 */
final class Convergence {

    /** Times in milliseconds from the start given to {@link #await}, -1 when not reached; the counts last seen. */
    record Times(long ribMillis, long fibMillis, long rib, long fib, long slowestRibPollMillis, String failure) {}

    private final FullTableTarget target;
    private final FullTableTarget.Running running;
    private final FeederFleet feeders;
    private final FibCount fibCount;

    Convergence(FullTableTarget target, FullTableTarget.Running running, FeederFleet feeders, FibCount fibCount) {
        this.target = target;
        this.running = running;
        this.feeders = feeders;
        this.fibCount = fibCount;
    }

    /** Waits until the RIB holds {@code rib} routes and the FIB {@code fib} (0: empty), or {@code timeout} from {@code t0}. */
    Times await(long t0, long rib, long fib, Duration timeout) throws IOException, InterruptedException {
        ProcessHandle daemon = running.processes().getFirst();
        long ribMillis = -1;
        long fibMillis = -1;
        long ribSeen = 0;
        long fibSeen = 0;
        long end = t0 + timeout.toNanos();
        long nextRibPoll = 0;
        long previousPoll = 0;
        long slowest = 0;
        String failure = "";
        while (ribMillis < 0 || fibMillis < 0 && target.hasFib()) {
            long now = System.nanoTime();
            if (now > end) {
                failure = "timeout after " + timeout.toSeconds() + " s";
                break;
            }
            if (running.processes().stream().anyMatch(p -> !p.isAlive())) {
                failure = "daemon exited: " + running.logTail();
                break;
            }
            if (feeders.downs() > 0) {
                failure = "session went down: " + feeders.lastDown();
                break;
            }
            if (ribMillis < 0 && now >= nextRibPoll) {
                ribSeen = running.ribCount();
                long polled = System.nanoTime();
                if (reached(ribSeen, rib)) {
                    ribMillis = Duration.ofNanos(polled - t0).toMillis();
                }
                // A query the daemon must answer costs it CPU (gobgp's CLI and gRPC most), so an
                // expensive one is asked less often. By the faster of the last two polls: one slow
                // answer (a JVM's first, still cold) must not stall the clock for four times as long.
                long took = polled - now;
                nextRibPoll = polled + 4 * Math.min(took, previousPoll);
                previousPoll = took;
                slowest = Math.max(slowest, Duration.ofNanos(took).toMillis());
            }
            if (fibMillis < 0 && target.hasFib()) {
                fibSeen = fibCount.count(daemon);
                if (reached(fibSeen, fib)) {
                    fibMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                }
            }
            Thread.sleep(200);
        }
        return new Times(ribMillis, fibMillis, ribSeen, target.hasFib() ? fibSeen : -1, slowest, failure);
    }

    private static boolean reached(long count, long wanted) {
        return wanted == 0 ? count == 0 : count >= wanted;
    }
}
