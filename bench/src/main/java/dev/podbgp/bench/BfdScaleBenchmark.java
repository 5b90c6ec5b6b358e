package dev.podbgp.bench;

import dev.podbgp.bfd.transport.BfdIntervals;
import dev.podbgp.bfd.transport.BfdListener;
import dev.podbgp.bfd.transport.BfdPeerConfig;
import dev.podbgp.bfd.transport.BfdSessionStatus;
import dev.podbgp.bfd.transport.BfdTransport;
import dev.podbgp.bfd.transport.BfdTransportConfig;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.IpAddress;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How many BFD sessions one node holds, and what they cost, side by side with BIRD in the same run (issue 14).
 *
 * <p>Two network namespaces joined by a veth pair: "node" (10.88.0.1) and "load" (10.88.0.2 plus one address per
 * session). The load side is podbgp's BFD transport in this JVM, one session per address towards 10.88.0.1. The
 * node side is, in turn, podbgp's transport (its own event loop in this JVM; its CPU is that thread's CPU time) and
 * BIRD's bfd protocol (its CPU is the bird process's). Both run {@code --sessions} single-hop sessions at
 * {@code --interval} ms × 3, are measured for {@code --seconds} once every session is Up, and must not flap meanwhile.
 * Prints one JSON line per implementation. Needs root; the namespaces are deleted at the end.
 */
public final class BfdScaleBenchmark {

    private BfdScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int sessions = 1000;
        int intervalMs = 300;
        int seconds = 30;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--sessions" -> sessions = Integer.parseInt(args[i + 1]);
                case "--interval" -> intervalMs = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; known: --sessions N, --interval MS, --seconds S");
            }
        }
        String tag = Long.toString(ProcessHandle.current().pid());
        String node = "pbb-node-" + tag;
        String load = "pbb-load-" + tag;
        Path dir = Files.createTempDirectory("podbgp-bfd-scale");
        try {
            Exec.check("ip", "netns", "add", node);
            Exec.check("ip", "netns", "add", load);
            Exec.check("ip", "-n", node, "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", load);
            StringBuilder batch = new StringBuilder("addr add 10.88.0.2/16 dev v1\nlink set v1 up\nlink set lo up\n");
            List<IpAddress> peers = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                IpAddress a = IpAddress.parse("10.88." + (1 + i / 250) + "." + (1 + i % 250));
                peers.add(a);
                batch.append("addr add ").append(a).append("/16 dev v1\n");
            }
            Path batchFile = dir.resolve("load.batch");
            Files.writeString(batchFile, batch);
            Exec.check("ip", "-n", load, "-batch", batchFile.toString());
            Exec.check("ip", "-n", node, "addr", "add", "10.88.0.1/16", "dev", "v0");
            Exec.check("ip", "-n", node, "link", "set", "v0", "up");
            Exec.check("ip", "-n", node, "link", "set", "lo", "up");
            IpAddress nodeAddress = IpAddress.parse("10.88.0.1");
            BfdIntervals intervals = BfdIntervals.of(Duration.ofMillis(intervalMs), 3);

            try (BfdTransport loadSide = BfdTransport.start(inNamespace(load, "bfd-load", new AtomicReference<>()),
                    BfdListener.NONE)) {
                for (IpAddress p : peers) {
                    loadSide.add(BfdPeerConfig.singleHop(nodeAddress, p).withIntervals(intervals));
                }
                System.out.println(podbgp(node, nodeAddress, peers, intervals, loadSide, seconds));
                // podbgp's node side closed without AdminDown: the load side must see every session Down first.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (loadSide.sessions().stream().anyMatch(s -> s.state() == BfdState.UP) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                System.out.println(bird(node, dir, nodeAddress, peers, intervalMs, loadSide, seconds));
            }
        } finally {
            Exec.check("sh", "-c", "ip netns del " + node + " 2>/dev/null; ip netns del " + load + " 2>/dev/null; true");
        }
    }

    private static String podbgp(String ns, IpAddress local, List<IpAddress> peers, BfdIntervals intervals,
            BfdTransport loadSide, int seconds) throws Exception {
        AtomicReference<Thread> loop = new AtomicReference<>();
        try (BfdTransport nodeSide = BfdTransport.start(inNamespace(ns, "bfd-node", loop), BfdListener.NONE)) {
            long added = System.nanoTime();
            for (IpAddress p : peers) {
                nodeSide.add(BfdPeerConfig.singleHop(p, local).withIntervals(intervals));
            }
            awaitAllUp(nodeSide::sessions, peers.size(), "podbgp");
            long upMillis = (System.nanoTime() - added) / 1_000_000;
            long loadFlaps = flaps(loadSide.sessions());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getThreadCpuTime(loop.get().threadId());
            long rss0 = ProcessStats.of(List.of(ProcessHandle.current())).rssKb();
            Thread.sleep(seconds * 1000L);
            long cpuMillis = (threads.getThreadCpuTime(loop.get().threadId()) - cpu0) / 1_000_000;
            long flaps = flaps(nodeSide.sessions());
            long up = nodeSide.sessions().stream().filter(s -> s.state() == BfdState.UP).count();
            return json("podbgp", peers.size(), upMillis, cpuMillis, seconds, up, flaps + flaps(loadSide.sessions()) - loadFlaps,
                    "jvmRssKb", ProcessStats.of(List.of(ProcessHandle.current())).rssKb() + " (" + rss0 + " before the window)");
        }
    }

    private static String bird(String ns, Path dir, IpAddress local, List<IpAddress> peers, int intervalMs,
            BfdTransport loadSide, int seconds) throws Exception {
        StringBuilder conf = new StringBuilder("log \"" + dir.resolve("bird.log") + "\" all;\nrouter id 10.88.0.1;\n"
                + "protocol device { scan time 1; }\nprotocol bfd {\n  interface \"v0\" {\n    min rx interval "
                + intervalMs + " ms;\n    min tx interval " + intervalMs + " ms;\n    multiplier 3;\n  };\n");
        for (IpAddress p : peers) {
            conf.append("  neighbor ").append(p).append(" local ").append(local).append(";\n");
        }
        conf.append("}\n");
        Path confFile = dir.resolve("bird.conf");
        Files.writeString(confFile, conf);
        long started = System.nanoTime();
        Process bird = new ProcessBuilder("ip", "netns", "exec", ns, "bird", "-f", "-c", confFile.toString(),
                "-s", dir.resolve("bird.ctl").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("bird.out").toFile()).start();
        try {
            // The load side sees BIRD: all its sessions Up again, counted from BIRD's start.
            awaitAllUp(loadSide::sessions, peers.size(), "BIRD");
            long upMillis = (System.nanoTime() - started) / 1_000_000;
            ProcessHandle birdProcess = bird.toHandle().descendants().findFirst().orElse(bird.toHandle());
            long loadFlaps = flaps(loadSide.sessions());
            ProcessStats before = ProcessStats.of(List.of(birdProcess));
            Thread.sleep(seconds * 1000L);
            ProcessStats after = ProcessStats.of(List.of(birdProcess));
            long up = loadSide.sessions().stream().filter(s -> s.state() == BfdState.UP).count();
            return json("bird", peers.size(), upMillis, after.cpuMillis() - before.cpuMillis(), seconds, up,
                    flaps(loadSide.sessions()) - loadFlaps, "birdRssKb", Long.toString(after.rssKb()));
        } finally {
            Exec.stop(bird);
        }
    }

    private static void awaitAllUp(java.util.function.Supplier<List<BfdSessionStatus>> now, int sessions, String who)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (now.get().stream().filter(s -> s.state() == BfdState.UP).count() < sessions) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(who + ": not every session Up within 120 s");
            }
            Thread.sleep(50);
        }
    }

    private static long flaps(List<BfdSessionStatus> sessions) {
        return sessions.stream().mapToLong(s -> s.counters().flaps()).sum();
    }

    private static String json(String impl, int sessions, long upMillis, long cpuMillis, int seconds, long up,
            long flaps, String rssKey, String rss) {
        return String.format(java.util.Locale.ROOT, "{\"impl\":\"%s\",\"sessions\":%d,\"allUpMs\":%d,"
                        + "\"cpuMsInWindow\":%d,\"windowS\":%d,\"cpuPercentOfOneCore\":%.2f,\"upAtEnd\":%d,"
                        + "\"flapsInWindow\":%d,\"%s\":\"%s\"}", impl, sessions, upMillis, cpuMillis, seconds,
                cpuMillis / (seconds * 10.0), up, flaps, rssKey, rss);
    }

    /** Sockets of the transport made on a thread that joined {@code ns}; {@code loop} gets that thread. */
    private static BfdTransportConfig inNamespace(String ns, String name, AtomicReference<Thread> loop) {
        ThreadFactory base = BfdTransportConfig.defaults().threadFactory();
        ThreadFactory named = r -> {
            Thread t = base.newThread(r);
            t.setName(name);
            loop.set(t);
            return t;
        };
        return new BfdTransportConfig(NetworkNamespace.named(ns).threadFactory(named));
    }
}
