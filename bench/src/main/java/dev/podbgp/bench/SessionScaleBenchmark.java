package dev.podbgp.bench;

import dev.podbgp.bgp.transport.BgpSpeaker;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.transport.SpeakerConfig;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.fib.netns.NetworkNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session scale: {@code --peers} (1,000) BGP peers, each from its own loopback address, against
 * one podbgp process. The target ({@link ScaleTarget}) is a separate JVM so its heap, RSS and CPU
 * are its own; the load is podbgp's own speaker in this JVM (one event-loop thread, active
 * sessions sourced from 127.0.x.y). Both speakers' sockets live in a network namespace created
 * for the run and deleted after it.
 *
 * <p>Prints one JSON line per run: time until all sessions are Established as the target and
 * the load see it, target heap per idle Established session after full GCs, target RSS, and
 * the target's CPU time for the bring-up and while idle. Needs root (network namespace).
 */
public final class SessionScaleBenchmark {

    private static final Logger PODBGP_LOGS = Logger.getLogger("podbgp");
    private static final Pattern NUMBER = Pattern.compile("\"([A-Za-z]+)\": ?(-?\\d+)");

    private SessionScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int peers = 1000;
        int hold = 90;
        int idleSeconds = 5;
        String heap = "512m";
        Path histograms = null;
        List<String> targetJvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--peers" -> peers = Integer.parseInt(args[i + 1]);
                case "--hold" -> hold = Integer.parseInt(args[i + 1]);
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(args[i + 1]);
                case "--target-heap" -> heap = args[i + 1];
                case "--histogram-dir" -> histograms = Path.of(args[i + 1]);
                case "--target-jvm-arg" -> targetJvmArgs.add(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // The load's 1,000 sessions would log several lines each; only its trouble matters here.
        PODBGP_LOGS.setLevel(Level.WARNING);
        ScalePlan plan = new ScalePlan(peers, hold);
        boolean failed = false;
        for (int run = 1; run <= runs; run++) {
            String result = runOnce(run, plan, heap, targetJvmArgs, idleSeconds, histograms);
            System.out.println(result);
            failed |= result.contains("\"allEstablished\": false");
        }
        System.exit(failed ? 1 : 0);
    }

    private static String runOnce(int run, ScalePlan plan, String heap, List<String> jvmArgs, int idleSeconds, Path histograms) throws Exception {
        String namespace = "pbt-scale-" + ProcessHandle.current().pid() + "-" + run;
        Path log = Files.createTempFile("pbt-scale-target-", ".log");
        run("ip", "netns", "add", namespace);
        Process target = null;
        BgpSpeaker load = null;
        // Ctrl-C or SIGTERM skips the finally below: kill the target and drop the namespace from a hook instead.
        Process[] started = new Process[1];
        Thread onInterrupt = new Thread(() -> {
            if (started[0] != null) {
                started[0].destroyForcibly();
            }
            try {
                run("ip", "netns", "del", namespace);
            } catch (IOException | InterruptedException e) {
                System.err.println("could not delete network namespace " + namespace + ": " + e.getMessage());
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            run("ip", "-n", namespace, "link", "set", "lo", "up");
            target = startTarget(namespace, plan, heap, jvmArgs, log);
            started[0] = target;
            BlockingQueue<String> lines = lines(target);
            OutputStream control = target.getOutputStream();
            String ready = expect(target, lines, "ready", 30_000, log);
            send(control, "add");
            String added = expect(target, lines, "peers-added", 30_000, log);

            EstablishedCounter counter = new EstablishedCounter(plan.peers());
            long loadStart = System.nanoTime();
            load = BgpSpeaker.start(new SpeakerConfig(List.of(), 1, true,
                    NetworkNamespace.named(namespace).threadFactory(SpeakerConfig.defaultThreads())), counter);
            long start = System.nanoTime();
            for (int i = 0; i < plan.peers(); i++) {
                load.addPeer(PeerConfig.of(plan.targetAddress(i), plan.loadSession())
                        .withPort(179).withLocalAddress(plan.loadAddress(i)));
            }
            long loadAdded = System.nanoTime();
            boolean loadAll = counter.await(60_000);
            long loadMillis = loadAll ? Duration.ofNanos(counter.allUpNanos() - start).toMillis() : -1;
            String up = expect(target, lines, "established", 90_000, log);

            ProcessHandle t = target.toHandle();
            long cpuAtUp = cpuMillis(t);
            long[] rssAtUp = rss(t.pid());
            Thread.sleep(idleSeconds * 1000L);
            long cpuIdle = cpuMillis(t) - cpuAtUp;
            long[] rssIdle = rss(t.pid());
            if (histograms != null) {
                Files.createDirectories(histograms);
                Path file = histograms.resolve("target-run" + run + ".txt");
                new ProcessBuilder(jdkTool("jcmd"), Long.toString(t.pid()), "GC.class_histogram")
                        .redirectOutput(file.toFile()).redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
            }
            JsonOut json = new JsonOut().beginObject().field("run", run).field("peers", plan.peers())
                    .field("holdTime", plan.holdTime()).field("allEstablished", number(up, "allEstablished") == 1 && loadAll)
                    .field("targetAllEstablishedMillis", number(up, "allEstablishedMillis"))
                    .field("targetFirstConnectMillis", number(up, "firstConnectMillis"))
                    .field("targetAddPeersMillis", number(added, "addMillis"))
                    .field("targetConnectToAllMillis", number(up, "allEstablishedMillis") < 0 ? -1
                            : number(up, "allEstablishedMillis") - number(up, "firstConnectMillis"))
                    .field("loadSpeakerStartMillis", Duration.ofNanos(start - loadStart).toMillis())
                    .field("loadAddPeersMillis", Duration.ofNanos(loadAdded - start).toMillis())
                    .field("loadFirstConnectMillis", counter.firstOpenSentNanos() == 0 ? -1
                            : Duration.ofNanos(counter.firstOpenSentNanos() - start).toMillis())
                    .field("loadAllEstablishedMillis", loadMillis)
                    .field("targetDowns", number(up, "downs")).field("loadDowns", counter.downs())
                    .field("targetHeapBeforeBytes", number(ready, "heapBeforeBytes"))
                    .field("targetHeapAfterBytes", number(up, "heapAfterBytes"))
                    .field("targetHeapPerSessionBytes", number(up, "heapPerSessionBytes"))
                    .field("targetRssKbBefore", number(ready, "rssKbBefore")).field("targetRssKbAtUp", rssAtUp[0]).field("targetRssKbAfterIdle", rssIdle[0])
                    .field("targetRssPeakKb", rssIdle[1])
                    .field("targetCpuBringUpMillis", number(up, "cpuBringUpMillis"))
                    .field("targetCpuTotalMillisAtUp", cpuAtUp)
                    .field("targetCpuIdleMillis", cpuIdle).field("idleSeconds", idleSeconds);
            for (String off : List.of("nettyAllocatorDirectBytes", "nettyDirectCounterBytes", "jdkDirectBytes")) {
                json.field("target" + Character.toUpperCase(off.charAt(0)) + off.substring(1), number(up, off));
            }
            return json.endObject().toString();
        } finally {
            if (load != null) {
                load.close();
            }
            if (target != null) {
                stop(target);
            }
            run("ip", "netns", "del", namespace);
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
            Files.deleteIfExists(log);
        }
    }

    private static Process startTarget(String namespace, ScalePlan plan, String heap, List<String> jvmArgs, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(jdkTool("java"), "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScaleTarget.class.getName(), "--netns", namespace, "--peers", Integer.toString(plan.peers()),
                "--hold", Integer.toString(plan.holdTime())));
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    /** The target's stdout, line by line, read on a daemon thread so every wait here is bounded. */
    private static BlockingQueue<String> lines(Process target) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the target went away; expect() reports the missing line
            }
        }, "scale-target-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The target's next line announcing {@code event}; fails at the deadline or as soon as the target is gone. */
    private static String expect(Process target, BlockingQueue<String> lines, String event, long timeoutMillis, Path log)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null && (!target.isAlive() && lines.isEmpty() || System.nanoTime() > deadline)) {
                String tail = Files.readString(log);
                throw new IllegalStateException("no '" + event + "' line from the target ("
                        + (target.isAlive() ? "waited " + timeoutMillis + " ms" : "it exited with " + target.exitValue())
                        + "); its stderr ends with:\n" + tail.substring(Math.max(0, tail.length() - 4000)));
            }
            if (line == null) {
                continue;
            }
            if (line.contains("\"event\": \"" + event + "\"") || line.contains("\"event\":\"" + event + "\"")) {
                return line;
            }
        }
    }

    private static long number(String jsonLine, String name) {
        if (jsonLine.contains("\"" + name + "\": true") || jsonLine.contains("\"" + name + "\":true")) {
            return 1;
        }
        Matcher m = NUMBER.matcher(jsonLine);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Long.parseLong(m.group(2));
            }
        }
        return -1;
    }

    private static void send(OutputStream control, String line) throws IOException {
        control.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        control.flush();
    }

    /** Asks politely (quit), then SIGTERM, then SIGKILL, each wait bounded. */
    private static void stop(Process target) throws InterruptedException {
        try {
            send(target.getOutputStream(), "quit");
            target.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!target.waitFor(10, TimeUnit.SECONDS)) {
            target.destroy();
            if (!target.waitFor(5, TimeUnit.SECONDS)) {
                target.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** VmRSS and VmHWM (peak) in kB from /proc/PID/status. */
    private static long[] rss(long pid) throws IOException {
        long[] kb = {-1, -1};
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                kb[0] = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                kb[1] = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return kb;
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(p.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }
}
