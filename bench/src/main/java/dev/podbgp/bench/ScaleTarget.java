package dev.podbgp.bench;

import dev.podbgp.bgp.transport.BgpSpeaker;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.transport.SpeakerConfig;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.fib.netns.NetworkNamespace;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.util.internal.PlatformDependent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The podbgp process under test in {@link SessionScaleBenchmark}: one speaker, one event-loop
 * thread, a wildcard listener on port 179 inside the benchmark's network namespace, and
 * {@code --peers} passive peers at {@link ScalePlan#loadAddress}.
 *
 * <p>Talks to the benchmark over stdin/stdout, one line each way per step: prints a
 * {@code ready} line (heap measured with no peers), adds the peers on {@code add}, prints
 * {@code peers-added}, prints {@code established} once every peer is up (or the wait ran
 * out), then runs idle until {@code quit} or the end of stdin, so it never outlives the
 * benchmark.
 */
public final class ScaleTarget {

    private ScaleTarget() {}

    public static void main(String[] args) throws Exception {
        String namespace = null;
        int peers = 1000;
        int hold = 90;
        long timeoutMillis = 60_000;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--netns" -> namespace = args[i + 1];
                case "--peers" -> peers = Integer.parseInt(args[i + 1]);
                case "--hold" -> hold = Integer.parseInt(args[i + 1]);
                case "--timeout-ms" -> timeoutMillis = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (namespace == null) {
            throw new IllegalArgumentException("--netns NAME is required: the wildcard listener must not be in the host namespace");
        }
        ScalePlan plan = new ScalePlan(peers, hold);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        EstablishedCounter counter = new EstablishedCounter(peers);
        SpeakerConfig config = new SpeakerConfig(List.of(new InetSocketAddress("0.0.0.0", 179)), 1, true,
                NetworkNamespace.named(namespace).threadFactory(SpeakerConfig.defaultThreads()));
        try (BgpSpeaker speaker = BgpSpeaker.start(config, counter)) {
            long heapBefore = settledHeapUsed();
            long cpuBefore = cpuNanos();
            out.println(new JsonOut().beginObject().field("event", "ready").field("heapBeforeBytes", heapBefore)
                    .field("rssKbBefore", rssKb()).field("pid", ProcessHandle.current().pid()).endObject());
            if (!"add".equals(in.readLine())) {
                return;
            }
            long start = System.nanoTime();
            for (int i = 0; i < peers; i++) {
                speaker.addPeer(PeerConfig.of(plan.loadAddress(i), plan.targetSession()));
            }
            long added = System.nanoTime();
            out.println(new JsonOut().beginObject().field("event", "peers-added")
                    .field("addMillis", Duration.ofNanos(added - start).toMillis()).endObject());
            boolean all = counter.await(timeoutMillis);
            long cpuUp = cpuNanos();
            long heapAfter = settledHeapUsed();
            JsonOut json = new JsonOut().beginObject().field("event", "established").field("allEstablished", all)
                    .field("established", counter.established()).field("downs", counter.downs())
                    .field("firstConnectMillis", millisSince(start, counter.firstOpenSentNanos()))
                    .field("allEstablishedMillis", all ? millisSince(start, counter.allUpNanos()) : -1)
                    .field("heapBeforeBytes", heapBefore).field("heapAfterBytes", heapAfter)
                    .field("heapPerSessionBytes", (heapAfter - heapBefore) / peers)
                    .field("cpuBringUpMillis", Duration.ofNanos(cpuUp - cpuBefore).toMillis())
                    .field("cpuTotalMillis", Duration.ofNanos(cpuUp).toMillis());
            directMemory(json);
            out.println(json.endObject());
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                // idle until told to stop or the benchmark goes away
            }
        }
    }

    /** VmRSS of this process, in kB: the baseline the benchmark's later readings are compared with. */
    private static long rssKb() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static long millisSince(long start, long at) {
        return at == 0 ? -1 : Duration.ofNanos(at - start).toMillis();
    }

    /**
     * Heap in use after full collections, so what remains is what the sessions hold. Several in a
     * row: the first may leave objects whose finalisation or reference processing frees more.
     */
    static long settledHeapUsed() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Off-heap buffers are not in the heap figure: report Netty's own and the JDK's accounting. */
    private static void directMemory(JsonOut json) {
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider m) {
            json.field("nettyAllocatorDirectBytes", m.metric().usedDirectMemory())
                    .field("nettyAllocatorHeapBytes", m.metric().usedHeapMemory());
        }
        json.field("nettyDirectCounterBytes", PlatformDependent.usedDirectMemory());
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                json.field("jdkDirectBytes", pool.getMemoryUsed());
            }
        }
    }
}
