package dev.podbgp.bench;

import dev.podbgp.rib.Rib;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The {@link RibLoadBenchmark} workload timed by the loading thread's CPU time instead of the
 * wall clock. On a shared machine the wall clock also counts the time other processes hold the
 * cores; the thread's CPU time does not. It leaves out GC worker threads too, so the GC pause
 * time of each run is printed beside it. A cross-check for noisy hosts, not a replacement for
 * the JMH figure.
 *
 * <pre>java -Xms3g -Xmx3g -cp bench/target/benchmarks.jar dev.podbgp.bench.RibLoadCpuTime [one|two] [runs]</pre>
 */
public final class RibLoadCpuTime {

    private RibLoadCpuTime() {
    }

    public static void main(String[] args) {
        boolean twoPeers = args.length > 0 && args[0].equals("two");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        RibTable table = new RibTable(RibLoadBenchmark.ROUTES);
        int routes = twoPeers ? 2 * RibLoadBenchmark.ROUTES : RibLoadBenchmark.ROUTES;
        var threads = ManagementFactory.getThreadMXBean();
        double[] perSecond = new double[runs];
        for (int r = 0; r < runs; r++) {
            long gc0 = gcMillis();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            Rib rib = table.newRib();
            table.load(rib, table.peerA);
            if (twoPeers) {
                table.load(rib, table.peerB);
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            if (rib.prefixCount() != RibLoadBenchmark.ROUTES) {
                throw new IllegalStateException("table not loaded");
            }
            perSecond[r] = routes / (cpu / 1e9);
            System.out.printf("run %d: %.2fM routes/s thread CPU, %.2fM routes/s wall, GC %d ms%n", r,
                    perSecond[r] / 1e6, routes / (wall / 1e9) / 1e6, gcMillis() - gc0);
        }
        // The median of the second half: the first runs include JIT compilation.
        double[] warm = Arrays.copyOfRange(perSecond, runs / 2, runs);
        Arrays.sort(warm);
        System.out.printf("%s: median %.2fM routes/s thread CPU over runs %d-%d%n", twoPeers ? "twoPeers" : "onePeer",
                warm[warm.length / 2] / 1e6, runs / 2, runs - 1);
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += gc.getCollectionTime();
        }
        return sum;
    }
}
