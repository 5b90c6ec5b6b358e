package dev.podbgp.bench;

import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteOwner;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.fib.writer.FibConfig;
import dev.podbgp.fib.writer.FibListener;
import dev.podbgp.fib.writer.FibWriter;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 6 benchmark (not JMH; root): install then delete N IPv4 /24s (1.0.0.0/24 upwards, via
 * 10.0.0.2, table 100) in a fresh network namespace per measurement, four ways in the same run:
 * {@code raw} (the kernel floor, {@link RawRouteBatches}), {@code raw-nhid} (the same routes
 * referring to one nexthop object through that gateway: the floor without the kernel's
 * per-route gateway check), {@code writer} (our
 * {@link RouteWriter}) and {@code fib} (our {@link FibWriter}: submit from the main thread,
 * coalesce, write on its thread), and on request ({@code --modes}) {@code fib-healing}: the same
 * with the route monitor on, as the daemon runs it (a notification per route read back). One
 * JSON line per measurement (with this process's kernel CPU time, {@code sysMillis}), then the
 * medians and ratios.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.podbgp.bench.FibInstallBenchmark</pre>
 */
public final class FibInstallBenchmark {

    private static final int TABLE = 100;
    private static final int FIRST = 0x01000000;
    private static final int GATEWAY = 0x0a000002;
    private static final RouteOwner OWNER = new RouteOwner(RouteOwner.PODBGP_PROTOCOL, TABLE, 20);

    private static final int NEXTHOP_ID = 7;

    private record Figures(String mode, int run, long installNanos, long deleteNanos, long cpuNanos, long sysNanos,
            long installSysNanos, long allocated, long refused) {}

    /** 1: raw and writer go in address order; --scatter: stride 618,033 (about 0.618 of a million), close to the FibWriter's hash order. */
    private static long stride = 1;

    private FibInstallBenchmark() {}

    public static void main(String[] args) throws Exception {
        int routes = 1_000_000;
        int runs = 3;
        int batch = 256;
        String[] modes = {"raw", "raw-nhid", "writer", "fib"};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--routes" -> routes = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--scatter" -> stride = 618_033;
                case "--modes" -> modes = args[++i].split(",");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (java.math.BigInteger.valueOf(stride).gcd(java.math.BigInteger.valueOf(routes)).intValue() != 1) {
            throw new IllegalArgumentException("--scatter needs a route count coprime with " + stride);
        }
        List<Figures> all = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (int m = 0; m < modes.length; m++) {
                // Rotate the order so no mode always runs on the warmest (or most fragmented) kernel.
                String mode = modes[(m + run - 1) % modes.length];
                Figures f = measure(mode, run, routes, batch);
                all.add(f);
                System.out.println(json(f, routes));
            }
        }
        String floor = List.of(modes).contains("raw") ? "raw" : modes[0];
        double raw = median(all, floor, routes);
        double rawCpu = medianCpu(all, floor);
        for (String mode : modes) {
            double rate = median(all, mode, routes);
            double cpu = medianCpu(all, mode);
            // On a shared machine wall time swings with the neighbours' load; CPU time (ours plus the
            // kernel's work done in our threads' syscalls) is the steadier figure of the two.
            System.out.printf(Locale.ROOT, "{\"summary\":\"%s\",\"medianRoutesPerSecond\":%.0f,\"ratioToRaw\":%.3f,"
                    + "\"medianCpuMillis\":%.0f,\"medianSysMillis\":%.0f,\"cpuRatioRawOverMode\":%.3f,"
                    + "\"allocatedBytesPerRoute\":%.1f}%n",
                    mode, rate, rate / raw, cpu, medianSys(all, mode), rawCpu / cpu, medianAlloc(all, mode, routes));
        }
    }

    private static Figures measure(String mode, int run, int routes, int batch) throws Exception {
        String name = "pbt-fibbench-" + ProcessHandle.current().pid() + "-" + run + "-" + mode;
        sh("ip", "netns", "add", name);
        try {
            sh("ip", "netns", "exec", name, "ip", "link", "add", "d0", "type", "veth", "peer", "name", "d1");
            sh("ip", "netns", "exec", name, "ip", "link", "set", "d1", "up");
            sh("ip", "netns", "exec", name, "ip", "link", "set", "d0", "up");
            sh("ip", "netns", "exec", name, "ip", "addr", "add", "10.0.0.1/24", "dev", "d0");
            NetworkNamespace ns = NetworkNamespace.named(name);
            System.gc();
            return switch (mode) {
                case "raw" -> raw(ns, run, routes, batch, 0);
                case "raw-nhid" -> raw(ns, run, routes, batch, ifindex(name, "d0"));
                case "writer" -> writer(ns, run, routes, batch);
                case "fib" -> fib(ns, run, routes, false);
                case "fib-healing" -> fib(ns, run, routes, true);
                default -> throw new IllegalArgumentException(mode);
            };
        } finally {
            sh("ip", "netns", "del", name);
        }
    }

    /**
     * {@code oif} 0: every route carries its gateway (RTA_GATEWAY), which the kernel checks on
     * each insert; else the routes refer to one nexthop object through the gateway on that
     * interface (RTA_NH_ID), created first and deleted last (outside the timed part).
     */
    private static Figures raw(NetworkNamespace ns, int run, int routes, int batch, int oif) throws IOException {
        int nexthop = oif == 0 ? 0 : NEXTHOP_ID;
        if (oif != 0) {
            nexthopRequest(ns, writer -> writer.replaceNexthop(NEXTHOP_ID, new NextHop.Gateway(new Ipv4Address(GATEWAY), oif, false), 0));
        }
        try (NetlinkSocket socket = ns.call(NetlinkSocket::open)) {
            socket.setBufferSizes(4 << 20, 4 << 20);
            long cpu0 = cpu();
            long sys0 = sys();
            long a0 = allocated();
            long t0 = System.nanoTime();
            long refused = RawRouteBatches.run(socket, true, FIRST, routes, stride, batch, TABLE, OWNER.protocol(), OWNER.priority(), GATEWAY, nexthop);
            long t1 = System.nanoTime();
            long sys1 = sys();
            refused += RawRouteBatches.run(socket, false, FIRST, routes, stride, batch, TABLE, OWNER.protocol(), OWNER.priority(), GATEWAY);
            long t2 = System.nanoTime();
            Figures f = new Figures(oif == 0 ? "raw" : "raw-nhid", run, t1 - t0, t2 - t1, cpu() - cpu0, sys() - sys0,
                    sys1 - sys0, allocated() - a0, refused);
            if (oif != 0) {
                nexthopRequest(ns, writer -> writer.deleteNexthop(NEXTHOP_ID, 0));
            }
            return f;
        }
    }

    private interface NexthopRequest {
        void write(RouteWriter writer) throws IOException;
    }

    /** One nexthop request, which must succeed. */
    private static void nexthopRequest(NetworkNamespace ns, NexthopRequest request) throws IOException {
        int[] failure = {0};
        try (RouteWriter w = new RouteWriter(ns.call(NetlinkSocket::open), OWNER, 1, (tag, errno, reason) -> failure[0] = errno)) {
            request.write(w);
            w.flush();
        }
        if (failure[0] != 0) {
            throw new IOException("nexthop request refused, errno " + failure[0]);
        }
    }

    private static int ifindex(String namespace, String device) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "-n", namespace, "-o", "link", "show", device).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ip link show " + device + ": " + out);
        }
        return Integer.parseInt(out.substring(0, out.indexOf(':')).trim());
    }

    private static Figures writer(NetworkNamespace ns, int run, int routes, int batch) throws IOException {
        AtomicLong refused = new AtomicLong();
        NextHop via = new NextHop.Gateway(new Ipv4Address(GATEWAY));
        try (RouteWriter w = new RouteWriter(ns.call(NetlinkSocket::open), OWNER, batch,
                (tag, errno, reason) -> {
                    if (errno != 0) {
                        refused.incrementAndGet();
                    }
                })) {
            long cpu0 = cpu();
            long sys0 = sys();
            long a0 = allocated();
            long t0 = System.nanoTime();
            for (int i = 0; i < routes; i++) {
                w.replaceIpv4(FIRST + ((int) (i * stride % routes) << 8), 24, via, i);
            }
            w.flush();
            long t1 = System.nanoTime();
            long sys1 = sys();
            for (int i = 0; i < routes; i++) {
                w.deleteIpv4(FIRST + ((int) (i * stride % routes) << 8), 24, i);
            }
            w.flush();
            long t2 = System.nanoTime();
            return new Figures("writer", run, t1 - t0, t2 - t1, cpu() - cpu0, sys() - sys0, sys1 - sys0,
                    allocated() - a0, refused.get());
        }
    }

    private static Figures fib(NetworkNamespace ns, int run, int routes, boolean selfHealing) throws Exception {
        AtomicLong refused = new AtomicLong();
        AtomicLong written = new AtomicLong();
        FibListener listener = new FibListener() {
            @Override
            public void onFailure(Prefix prefix, int errno, String reason, int attempt) {
                refused.incrementAndGet();
            }

            @Override
            public void onBatch(int ok, int failed) {
                written.addAndGet(ok);
            }
        };
        NextHop via = new NextHop.Gateway(new Ipv4Address(GATEWAY));
        FibWriter fib = FibWriter.open(ns, OWNER, FibConfig.defaults().withSelfHealing(selfHealing), listener);
        try {
            fib.start();
            long cpu0 = cpu();
            long sys0 = sys();
            long a0 = allocated();
            long t0 = System.nanoTime();
            for (int i = 0; i < routes; i++) {
                fib.installIpv4(FIRST + (i << 8), 24, via);
            }
            if (!fib.awaitWritten(Duration.ofMinutes(10))) {
                throw new IllegalStateException("install did not finish: " + fib.failure());
            }
            long t1 = System.nanoTime();
            long sys1 = sys();
            for (int i = 0; i < routes; i++) {
                fib.withdrawIpv4(FIRST + (i << 8), 24);
            }
            if (!fib.awaitWritten(Duration.ofMinutes(10))) {
                throw new IllegalStateException("delete did not finish: " + fib.failure());
            }
            long t2 = System.nanoTime();
            if (written.get() != 2L * routes) {
                throw new IllegalStateException("written " + written.get() + " of " + 2L * routes);
            }
            return new Figures(selfHealing ? "fib-healing" : "fib", run, t1 - t0, t2 - t1, cpu() - cpu0, sys() - sys0,
                    sys1 - sys0, allocated() - a0, refused.get());
        } finally {
            fib.close();
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** This process's kernel (system) CPU time, from /proc/self/stat (field 15, in clock ticks of 10 ms). */
    private static long sys() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]) * 10_000_000L;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static double rate(Figures f, int routes) {
        return 2.0 * routes / ((f.installNanos() + f.deleteNanos()) / 1e9);
    }

    private static double median(List<Figures> all, String mode, int routes) {
        double[] v = all.stream().filter(f -> f.mode().equals(mode)).mapToDouble(f -> rate(f, routes)).sorted().toArray();
        return v[v.length / 2];
    }

    private static double medianCpu(List<Figures> all, String mode) {
        double[] v = all.stream().filter(f -> f.mode().equals(mode)).mapToDouble(f -> f.cpuNanos() / 1e6).sorted().toArray();
        return v[v.length / 2];
    }

    private static double medianSys(List<Figures> all, String mode) {
        double[] v = all.stream().filter(f -> f.mode().equals(mode)).mapToDouble(f -> f.sysNanos() / 1e6).sorted().toArray();
        return v[v.length / 2];
    }

    private static double medianAlloc(List<Figures> all, String mode, int routes) {
        double[] v = all.stream().filter(f -> f.mode().equals(mode)).mapToDouble(f -> f.allocated() / (2.0 * routes)).sorted().toArray();
        return v[v.length / 2];
    }

    private static String json(Figures f, int routes) {
        return String.format(Locale.ROOT, "{\"mode\":\"%s\",\"run\":%d,\"routes\":%d,\"installMillis\":%d,\"deleteMillis\":%d,"
                        + "\"installRoutesPerSecond\":%.0f,\"deleteRoutesPerSecond\":%.0f,\"processCpuMillis\":%d,"
                        + "\"sysMillis\":%d,\"installSysMillis\":%d,\"allocatedBytes\":%d,\"refused\":%d}",
                f.mode(), f.run(), routes, f.installNanos() / 1_000_000, f.deleteNanos() / 1_000_000,
                routes / (f.installNanos() / 1e9), routes / (f.deleteNanos() / 1e9), f.cpuNanos() / 1_000_000,
                f.sysNanos() / 1_000_000, f.installSysNanos() / 1_000_000, f.allocated(), f.refused());
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
