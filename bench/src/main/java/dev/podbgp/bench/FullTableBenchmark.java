package dev.podbgp.bench;

import dev.podbgp.bgp.wire.JsonOut;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Full-table convergence, the same run for several daemons: eBGP feeders (podbgp's speaker in
 * this JVM, one by default) stream {@code --prefixes} IPv4 /24s each, and {@code --ipv6-prefixes}
 * /48s, under 1,000 attribute sets per family with 4-octet AS paths as fast as the socket takes
 * them ({@link FeedPlan}: disjoint tables, or the same prefixes with {@code --shared true}). Each
 * daemon runs in a fresh network namespace joined to the feeders' namespace by a veth pair
 * (192.0.2.0/24, where the NEXT_HOPs are). From the first feeder's Established it measures the
 * time until the daemon's RIB holds every feeder's routes and until the namespace's kernel FIB
 * holds every distinct prefix (fibCount -1: the daemon has none), and the daemon's RSS and CPU
 * time (whole process life, so a JVM's start-up is in it) at that moment. Then, on request,
 * {@code --cycles} of withdrawing and re-announcing everything ({@link TableCycles}), and after
 * all daemons the raw netlink floor for the same IPv4 prefixes ({@link RawFloor}). A count in
 * parentheses in the table is how far a daemon got before the timeout.
 *
 * <p>Prints one JSON line per daemon (and per cycle), then tables. Needs root. Namespaces are
 * named {@code pbt-ftb-PID-*} and deleted, and processes stopped, whatever happens.
 */
public final class FullTableBenchmark {

    static final long TARGET_AS = 64500; // RFC 5398 documentation AS: UpdateStream's random paths (64512..65511) never hold it, so no route is a loop
    static final long FEEDER_AS = 65001; // UpdateStream's AS paths start with it
    static final String TARGET_ADDRESS = "192.0.2.254";
    static final String FEEDER_ADDRESS = "192.0.2.1";
    static final int HOLD_TIME = 180;
    private static final Logger PODBGP_LOGS = Logger.getLogger("podbgp");

    private FullTableBenchmark() {}

    public static void main(String[] args) throws Exception {
        int prefixes = 1_000_000;
        int timeoutSeconds = 300;
        List<String> daemons = List.of("podbgp", "bird", "frr", "gobgp");
        Path root = Path.of(".");
        List<String> podbgpJvm = new ArrayList<>();
        int settleSeconds = 0;
        boolean nmt = false;
        int feeders = 1;
        int ipv6 = 0;
        boolean shared = false;
        int cycles = 0;
        int cyclePause = 0;
        boolean floor = false;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--prefixes" -> prefixes = Integer.parseInt(args[i + 1]);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(args[i + 1]);
                case "--daemons" -> daemons = List.of(args[i + 1].split(","));
                case "--checkout" -> root = Path.of(args[i + 1]);
                case "--podbgp-jvm-arg" -> podbgpJvm.add(args[i + 1]);
                case "--settle" -> settleSeconds = Integer.parseInt(args[i + 1]);
                case "--nmt" -> nmt = Boolean.parseBoolean(args[i + 1]);
                case "--feeders" -> feeders = Integer.parseInt(args[i + 1]);
                case "--ipv6-prefixes" -> ipv6 = Integer.parseInt(args[i + 1]);
                case "--shared" -> shared = Boolean.parseBoolean(args[i + 1]);
                case "--cycles" -> cycles = Integer.parseInt(args[i + 1]);
                case "--cycle-pause" -> cyclePause = Integer.parseInt(args[i + 1]);
                case "--floor" -> floor = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FeedPlan plan = new FeedPlan(feeders, prefixes, ipv6, shared);
        if (nmt) {
            podbgpJvm.add("-XX:NativeMemoryTracking=summary");
        }
        PODBGP_LOGS.setLevel(Level.WARNING);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        List<Result> results = new ArrayList<>();
        List<TableCycles.Cycle> cycleResults = new ArrayList<>();
        RawFloor.Figures floorFigures = null;
        for (String daemon : daemons) {
            FullTableTarget target = switch (daemon) {
                case "podbgp" -> PodbgpTarget.fromCheckout(daemon, root, podbgpJvm);
                // Another build in the same run, e.g. the commit before a change: podbgp@/path/to/checkout.
                case String d when d.startsWith("podbgp@") -> PodbgpTarget.fromCheckout(d, Path.of(d.substring(7)), podbgpJvm);
                case "bird" -> new BirdTarget();
                case "frr" -> new FrrTarget();
                case "gobgp" -> new GobgpTarget();
                default -> throw new IllegalArgumentException("unknown daemon " + daemon + " (podbgp, podbgp@DIR, bird, frr, gobgp)");
            };
            Result r = runOne(target, results.size(), plan, timeoutSeconds, settleSeconds, nmt,
                    new CyclePlan(cycles, Duration.ofSeconds(cyclePause)), cycleResults);
            System.out.println(r.json());
            results.add(r);
        }
        if (floor) {
            // After the daemons, on the same kernel and load: the least time the FIB leg can take.
            floorFigures = RawFloor.measure(plan.fibIpv4());
            System.out.println(new JsonOut().beginObject().field("daemon", "raw-netlink-floor")
                    .field("routes", floorFigures.routes()).field("fibMillis", floorFigures.installMillis())
                    .field("cpuMillis", floorFigures.cpuMillis()).field("refused", floorFigures.refused()).endObject());
        }
        System.out.println();
        System.out.println("load average at start: " + load + "; at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(Locale.ROOT, "%-22s %9s %12s %12s %10s %10s %9s %9s %9s %8s%n", "daemon", "prefixes", "RIB s", "FIB s",
                "RSS MB", "peak MB", "CPU s", "sent s", "idle MB", "threads");
        for (Result r : results) {
            System.out.println(r.row());
        }
        if (floorFigures != null) {
            long floorMillis = floorFigures.installMillis();
            System.out.printf(Locale.ROOT, "%-22s %9d %12s %12.1f   (IPv4 only; %d refused; podbgp's FIB / floor: %s)%n",
                    "raw netlink floor", floorFigures.routes(), "-", floorFigures.installMillis() / 1000.0, floorFigures.refused(),
                    results.stream().filter(r -> r.daemon().startsWith("podbgp") && r.fibMillis() >= 0)
                            .map(r -> String.format(Locale.ROOT, "%s %.2f", r.daemon(), r.fibMillis() / (double) floorMillis))
                            .toList());
        }
        if (!cycleResults.isEmpty()) {
            System.out.println();
            System.out.println("cycles (times from the withdrawal's / re-announcement's start; RSS and CPU at the cycle's end):");
            System.out.println(TableCycles.Cycle.header());
            for (TableCycles.Cycle c : cycleResults) {
                System.out.println(c.row());
            }
        }
    }

    /** {@code --cycles} and {@code --cycle-pause}. */
    private record CyclePlan(int count, Duration pause) {}

    record Result(String daemon, long prefixes, boolean established, long ribMillis, long fibMillis, long sentMillis,
                  long ribCount, long fibCount, long ribPollMillis, ProcessStats atEnd, long cpuSinceEstablishedMillis, int downs,
                  String failure, ProcessStats settled) {

        String json() {
            return new JsonOut().beginObject().field("daemon", daemon).field("prefixes", prefixes)
                    .field("established", established).field("ribMillis", ribMillis).field("fibMillis", fibMillis)
                    .field("feederSentMillis", sentMillis).field("ribCount", ribCount).field("fibCount", fibCount)
                    .field("slowestRibPollMillis", ribPollMillis)
                    .field("rssKb", atEnd.rssKb()).field("peakRssKb", atEnd.peakRssKb())
                    .field("cpuMillis", atEnd.cpuMillis()).field("cpuSinceEstablishedMillis", cpuSinceEstablishedMillis)
                    .field("sessionDowns", downs).field("failure", failure)
                    .field("settledRssKb", settled.rssKb()).field("settledThreads", settled.threads()).endObject().toString();
        }

        String row() {
            return String.format(Locale.ROOT, "%-22s %9d %12s %12s %10.0f %10.0f %9.1f %9s %9.0f %8d", daemon, prefixes,
                    seconds(ribMillis, ribCount), seconds(fibMillis, fibCount), atEnd.rssKb() / 1024.0, atEnd.peakRssKb() / 1024.0,
                    atEnd.cpuMillis() / 1000.0, sentMillis < 0 ? "-" : String.format(Locale.ROOT, "%.1f", sentMillis / 1000.0),
                    settled.rssKb() / 1024.0, settled.threads());
        }

        private static String seconds(long millis, long count) {
            if (count < 0) {
                return "no FIB";
            }
            return millis >= 0 ? String.format(Locale.ROOT, "%.1f", millis / 1000.0) : "(" + count + ")";
        }
    }

    private static Result runOne(FullTableTarget target, int index, FeedPlan plan, int timeoutSeconds,
            int settleSeconds, boolean nmt, CyclePlan cycles, List<TableCycles.Cycle> cycleResults) throws Exception {
        // By position, not name: podbgp@DIR has a slash, which no namespace name may hold.
        String base = "pbt-ftb-" + ProcessHandle.current().pid() + "-" + index;
        String targetNs = base + "-t";
        String feederNs = base + "-f";
        Path dir = Path.of("/tmp", base);
        FullTableTarget.Running running = null;
        FeederFleet feeders = new FeederFleet(plan);
        // Ctrl-C or SIGTERM skips finally blocks: the hook stops the daemon and drops the namespaces instead.
        AtomicReference<FullTableTarget.Running> started = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            FullTableTarget.Running r = started.get();
            if (r != null) {
                try {
                    r.close();
                } catch (IOException | InterruptedException e) {
                    System.err.println("could not stop " + target.name() + ": " + e.getMessage());
                }
            }
            deleteNamespaces(targetNs, feederNs);
            deleteDir(dir);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            FeedLink.create(targetNs, feederNs, plan);
            running = target.start(targetNs, dir, plan);
            started.set(running);
            ProcessHandle daemon = running.processes().getFirst();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Exec.check("ip", "netns", "exec", targetNs, "ss", "-Hltn", "sport", "=", ":179").isBlank()) {
                if (!daemon.isAlive() || System.nanoTime() > deadline) {
                    return failed(target, plan, running, "not listening on 179: " + running.logTail());
                }
                Thread.sleep(100);
            }
            FibCount fibCount = new FibCount(plan.hasIpv6());
            fibCount.baseline(daemon); // no session yet, so no route from one
            feeders.start(feederNs);
            if (!feeders.awaitEstablished(60_000)) {
                return failed(target, plan, running, "not every session up within 60 s: " + running.logTail());
            }
            long t0 = feeders.firstEstablishedNanos();
            long cpuAtEstablished = ProcessStats.of(running.processes()).cpuMillis();
            Convergence convergence = new Convergence(target, running, feeders, fibCount);
            Convergence.Times in = convergence.await(t0, plan.ribRoutes(), plan.fibIpv4() + plan.fibIpv6(),
                    Duration.ofSeconds(timeoutSeconds));
            ProcessStats stats = ProcessStats.of(running.processes());
            long sentNanos = feeders.sentNanos();
            long sent = sentNanos == 0 ? -1 : Duration.ofNanos(sentNanos - t0).toMillis();
            // Settled: what the daemon keeps once the table is in and the session idles (keepalives only).
            Thread.sleep(Duration.ofSeconds(settleSeconds));
            ProcessStats settled = ProcessStats.of(running.processes());
            if (nmt && target instanceof PodbgpTarget) {
                System.out.println(target.name() + " native memory after " + settleSeconds + " s settled:\n"
                        + NativeMemory.summary(daemon));
            }
            if (cycles.count() > 0 && in.failure().isEmpty()) {
                cycleResults.addAll(TableCycles.run(target.name(), cycles.count(), plan, feeders, convergence, running,
                        Duration.ofSeconds(timeoutSeconds), cycles.pause()));
            }
            return new Result(target.name(), plan.ribRoutes(), true, in.ribMillis(), in.fibMillis(), sent, in.rib(), in.fib(),
                    in.slowestRibPollMillis(), stats, stats.cpuMillis() - cpuAtEstablished, feeders.downs(), in.failure(), settled);
        } finally {
            feeders.close();
            if (running != null) {
                running.close();
            }
            deleteNamespaces(targetNs, feederNs);
            Runtime.getRuntime().removeShutdownHook(hook);
            deleteDir(dir);
        }
    }

    private static void deleteDir(Path dir) {
        try {
            Exec.check("rm", "-rf", "--one-file-system", dir.toString());
        } catch (IOException | InterruptedException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static Result failed(FullTableTarget target, FeedPlan plan, FullTableTarget.Running running, String why) throws IOException {
        ProcessStats stats = running.processes().stream().allMatch(ProcessHandle::isAlive)
                ? ProcessStats.of(running.processes()) : new ProcessStats(-1, -1, -1, -1);
        return new Result(target.name(), plan.ribRoutes(), false, -1, -1, -1, 0, 0, -1, stats, -1, 0, why, stats);
    }

    private static void deleteNamespaces(String... names) {
        for (String name : names) {
            if (Files.exists(Path.of("/var/run/netns", name))) {
                try {
                    Exec.check("ip", "netns", "del", name);
                } catch (IOException | InterruptedException e) {
                    System.err.println("could not delete network namespace " + name + ": " + e.getMessage());
                }
            }
        }
    }
}
