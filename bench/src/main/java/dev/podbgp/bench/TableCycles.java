package dev.podbgp.bench;

import dev.podbgp.bgp.wire.JsonOut;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --cycles N}: once the table is in, N times: every feeder withdraws all it announced,
 * wait until the daemon's RIB and FIB are empty, every feeder announces it again, wait until
 * both are full. The daemon's RSS and CPU after each cycle say whether memory comes back flat
 * (what a table that leaves and returns, a peer flapping, does to a long-running daemon).
 */
final class TableCycles {

    /** One cycle: times from the withdrawal's start and from the re-announcement's, then RSS and CPU at its end. */
    record Cycle(String daemon, int cycle, Convergence.Times withdrawn, Convergence.Times announced, ProcessStats after) {

        String json() {
            return new JsonOut().beginObject().field("daemon", daemon).field("cycle", cycle)
                    .field("emptyRibMillis", withdrawn.ribMillis()).field("emptyFibMillis", withdrawn.fibMillis())
                    .field("fullRibMillis", announced.ribMillis()).field("fullFibMillis", announced.fibMillis())
                    .field("ribCount", announced.rib()).field("fibCount", announced.fib())
                    .field("rssKb", after.rssKb()).field("peakRssKb", after.peakRssKb()).field("cpuMillis", after.cpuMillis())
                    .field("failure", failure()).endObject().toString();
        }

        String failure() {
            if (!withdrawn.failure().isEmpty()) {
                return "withdrawal: " + withdrawn.failure() + " (RIB " + withdrawn.rib() + ", FIB " + withdrawn.fib() + " left)";
            }
            return announced.failure().isEmpty() ? "" : "re-announcement: " + announced.failure();
        }

        String row() {
            return String.format(Locale.ROOT, "%-22s %6d %9s %9s %9s %9s %9.0f %9.1f", daemon, cycle,
                    seconds(withdrawn.ribMillis()), seconds(withdrawn.fibMillis()), seconds(announced.ribMillis()),
                    seconds(announced.fibMillis()), after.rssKb() / 1024.0, after.cpuMillis() / 1000.0);
        }

        static String header() {
            return String.format(Locale.ROOT, "%-22s %6s %9s %9s %9s %9s %9s %9s", "daemon", "cycle", "empty RIB",
                    "empty FIB", "full RIB", "full FIB", "RSS MB", "CPU s");
        }

        private static String seconds(long millis) {
            return millis < 0 ? "-" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
        }
    }

    private TableCycles() {}

    /**
     * Runs {@code cycles} cycles; stops at the first that does not complete within {@code timeout} per half.
     * {@code pause} is waited after each cycle before RSS and CPU are read: back to back, a daemon that
     * tidies up once its tables have been quiet for a while (podbgp's HeapTrim after 5 s) never gets to.
     */
    static List<Cycle> run(String daemon, int cycles, FeedPlan plan, FeederFleet feeders, Convergence convergence,
            FullTableTarget.Running running, Duration timeout, Duration pause) throws IOException, InterruptedException {
        List<Cycle> out = new ArrayList<>();
        for (int c = 1; c <= cycles; c++) {
            long t0 = System.nanoTime();
            feeders.withdrawAll();
            Convergence.Times withdrawn = convergence.await(t0, 0, 0, timeout);
            Convergence.Times announced = new Convergence.Times(-1, -1, 0, 0, 0, ""); // not run after a failed withdrawal
            if (withdrawn.failure().isEmpty()) {
                long t1 = System.nanoTime();
                feeders.announceAll();
                announced = convergence.await(t1, plan.ribRoutes(), plan.fibIpv4() + plan.fibIpv6(), timeout);
            }
            Thread.sleep(pause);
            Cycle cycle = new Cycle(daemon, c, withdrawn, announced, ProcessStats.of(running.processes()));
            System.out.println(cycle.json());
            out.add(cycle);
            if (!cycle.failure().isEmpty()) {
                break;
            }
        }
        return out;
    }
}
