package dev.podbgp.bench;

import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.inet.Ipv4Address;
import java.io.IOException;
import java.net.InetAddress;
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
 * Full-table convergence, the same run for several daemons: one eBGP peer (podbgp's speaker in
 * this JVM) streams {@code --prefixes} IPv4 /24s under 1,000 attribute sets with 4-octet AS
 * paths as fast as the socket takes them. Each daemon runs in a fresh network namespace joined
 * to the feeder's namespace by a veth pair (192.0.2.0/24, the NEXT_HOPs 192.0.2.1-4 are on it).
 * From the feeder's Established it measures the time until the daemon's RIB holds every prefix
 * and until the namespace's kernel FIB does (fibCount -1: the daemon has none), and the daemon's
 * RSS and CPU time (whole process life, so a JVM's start-up is in it) at that moment. A count
 * in parentheses in the table is how far a daemon got before the timeout.
 *
 * <p>Prints one JSON line per daemon, then a table. Needs root. Namespaces are named
 * {@code pbt-ftb-PID-*} and deleted, and processes stopped, whatever happens.
 */
public final class FullTableBenchmark {

    static final long TARGET_AS = 64500; // RFC 5398 documentation AS: UpdateStream's random paths (64512..65511) never hold it, so no route is a loop
    static final long FEEDER_AS = 65001; // UpdateStream's AS paths start with it
    static final String TARGET_ADDRESS = "192.0.2.254";
    static final String FEEDER_ADDRESS = "192.0.2.1";
    static final Ipv4Address FEEDER_ID = Ipv4Address.of(192, 0, 2, 1);
    static final int HOLD_TIME = 180;
    private static final int ATTRIBUTE_SETS = 1000;
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
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--prefixes" -> prefixes = Integer.parseInt(args[i + 1]);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(args[i + 1]);
                case "--daemons" -> daemons = List.of(args[i + 1].split(","));
                case "--checkout" -> root = Path.of(args[i + 1]);
                case "--podbgp-jvm-arg" -> podbgpJvm.add(args[i + 1]);
                case "--settle" -> settleSeconds = Integer.parseInt(args[i + 1]);
                case "--nmt" -> nmt = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (prefixes % ATTRIBUTE_SETS != 0) {
            throw new IllegalArgumentException("--prefixes must be a multiple of " + ATTRIBUTE_SETS);
        }
        if (nmt) {
            podbgpJvm.add("-XX:NativeMemoryTracking=summary");
        }
        PODBGP_LOGS.setLevel(Level.WARNING);
        byte[][] messages = UpdateStream.messages(ATTRIBUTE_SETS, prefixes / ATTRIBUTE_SETS);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        List<Result> results = new ArrayList<>();
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
            Result r = runOne(target, results.size(), messages, prefixes, timeoutSeconds, settleSeconds, nmt);
            System.out.println(r.json());
            results.add(r);
        }
        System.out.println();
        System.out.println("load average at start: " + load + "; at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(Locale.ROOT, "%-22s %9s %12s %12s %10s %10s %9s %9s %9s %8s%n", "daemon", "prefixes", "RIB s", "FIB s",
                "RSS MB", "peak MB", "CPU s", "sent s", "idle MB", "threads");
        for (Result r : results) {
            System.out.println(r.row());
        }
    }

    record Result(String daemon, int prefixes, boolean established, long ribMillis, long fibMillis, long sentMillis,
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

    private static Result runOne(FullTableTarget target, int index, byte[][] messages, int prefixes, int timeoutSeconds,
            int settleSeconds, boolean nmt) throws Exception {
        // By position, not name: podbgp@DIR has a slash, which no namespace name may hold.
        String base = "pbt-ftb-" + ProcessHandle.current().pid() + "-" + index;
        String targetNs = base + "-t";
        String feederNs = base + "-f";
        Path dir = Path.of("/tmp", base);
        FullTableTarget.Running running = null;
        FullTableFeeder feeder = new FullTableFeeder(messages);
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
            Exec.check("ip", "netns", "add", targetNs);
            Exec.check("ip", "netns", "add", feederNs);
            Exec.check("ip", "-n", targetNs, "link", "add", "ftb0", "type", "veth", "peer", "name", "ftb0", "netns", feederNs);
            for (String[] side : List.of(new String[] {targetNs, TARGET_ADDRESS}, new String[] {feederNs, FEEDER_ADDRESS})) {
                Exec.check("ip", "-n", side[0], "link", "set", "lo", "up");
                Exec.check("ip", "-n", side[0], "addr", "add", side[1] + "/24", "dev", "ftb0");
                Exec.check("ip", "-n", side[0], "link", "set", "ftb0", "up");
            }
            long fibBaseline = Long.parseLong(Exec.check("ip", "netns", "exec", targetNs, "awk",
                    "/^Main:/{m=1;next} /^[^ \\t]/{m=0} m && /Prefixes:/{print $2; exit}", "/proc/net/fib_triestat").strip());

            running = target.start(targetNs, dir);
            started.set(running);
            ProcessHandle daemon = running.processes().getFirst();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Exec.check("ip", "netns", "exec", targetNs, "ss", "-Hltn", "sport", "=", ":179").isBlank()) {
                if (!daemon.isAlive() || System.nanoTime() > deadline) {
                    return failed(target, prefixes, running, "not listening on 179: " + running.logTail());
                }
                Thread.sleep(100);
            }
            feeder.start(feederNs, InetAddress.getByName(FEEDER_ADDRESS), InetAddress.getByName(TARGET_ADDRESS),
                    FEEDER_AS, TARGET_AS, HOLD_TIME);
            if (!feeder.awaitEstablished(60_000)) {
                return failed(target, prefixes, running, "no session within 60 s: " + running.logTail());
            }
            long t0 = feeder.establishedNanos();
            long cpuAtEstablished = ProcessStats.of(running.processes()).cpuMillis();
            long ribMillis = -1;
            long fibMillis = -1;
            long rib = 0;
            long fib = 0;
            long end = t0 + Duration.ofSeconds(timeoutSeconds).toNanos();
            String failure = "";
            long nextRibPoll = 0;
            long ribPollMillis = 0;
            while (ribMillis < 0 || fibMillis < 0 && target.hasFib()) {
                long now = System.nanoTime();
                if (now > end) {
                    failure = "timeout after " + timeoutSeconds + " s";
                    break;
                }
                if (running.processes().stream().anyMatch(p -> !p.isAlive())) {
                    failure = "daemon exited: " + running.logTail();
                    break;
                }
                if (feeder.downs() > 0) {
                    failure = "session went down: " + feeder.lastDown();
                    break;
                }
                if (ribMillis < 0 && now >= nextRibPoll) {
                    rib = running.ribCount();
                    long polled = System.nanoTime();
                    if (rib >= prefixes) {
                        ribMillis = Duration.ofNanos(polled - t0).toMillis();
                    }
                    // A query the daemon must answer costs it CPU (gobgp's CLI and gRPC most):
                    // an expensive one is asked less often, so the poll stays under ~20% of its time.
                    nextRibPoll = polled + Math.max(0, 4 * (polled - now));
                    ribPollMillis = Math.max(ribPollMillis, Duration.ofNanos(polled - now).toMillis());
                }
                if (fibMillis < 0 && target.hasFib()) {
                    fib = ProcessStats.mainTablePrefixes(daemon) - fibBaseline;
                    if (fib >= prefixes) {
                        fibMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                    }
                }
                Thread.sleep(200);
            }
            if (!target.hasFib()) {
                fib = -1;
            }
            ProcessStats stats = ProcessStats.of(running.processes());
            long sent = feeder.sentNanos() == 0 ? -1 : Duration.ofNanos(feeder.sentNanos() - t0).toMillis();
            // Settled: what the daemon keeps once the table is in and the session idles (keepalives only).
            Thread.sleep(Duration.ofSeconds(settleSeconds));
            ProcessStats settled = ProcessStats.of(running.processes());
            if (nmt && target instanceof PodbgpTarget) {
                System.out.println(target.name() + " native memory after " + settleSeconds + " s settled:\n"
                        + NativeMemory.summary(daemon));
            }
            return new Result(target.name(), prefixes, true, ribMillis, fibMillis, sent, rib, fib, ribPollMillis, stats,
                    stats.cpuMillis() - cpuAtEstablished, feeder.downs(), failure, settled);
        } finally {
            feeder.close();
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

    private static Result failed(FullTableTarget target, int prefixes, FullTableTarget.Running running, String why) throws IOException {
        ProcessStats stats = running.processes().stream().allMatch(ProcessHandle::isAlive)
                ? ProcessStats.of(running.processes()) : new ProcessStats(-1, -1, -1, -1);
        return new Result(target.name(), prefixes, false, -1, -1, -1, 0, 0, -1, stats, -1, 0, why, stats);
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
