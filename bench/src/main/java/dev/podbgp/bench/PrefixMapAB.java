package dev.podbgp.bench;

import dev.podbgp.inet.Ipv4PrefixMap;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Another build's {@link Ipv4PrefixMap} against this one in one JVM, for a machine too busy for two JMH runs to
 * compare: each map is loaded with the same {@link Driver} by its own class loader, and the two take turns, so both
 * meet the same load. Prints the median nanoseconds per prefix of each step at a full table (1M /24s), the later
 * three quarters of the rounds.
 *
 * <pre>
 * mkdir /tmp/oldmap &amp;&amp; (cd /tmp/oldmap &amp;&amp; unzip -q OLD.jar 'dev/podbgp/inet/Ipv4PrefixMap*')
 * java -Xms2g -Xmx2g -XX:+UseSerialGC -cp bench/target/benchmarks.jar dev.podbgp.bench.PrefixMapAB /tmp/oldmap [ROUNDS]
 * </pre>
 */
public final class PrefixMapAB {

    private static final int PREFIXES = PrefixMapBenchmark.PREFIXES;
    private static final String[] STEPS = {"fill", "get", "get-shuffled", "remove-put-shuffled", "remove-all",
        "remove-all-shuffled"};

    private PrefixMapAB() {
    }

    /** The steps timed; loaded once per map, so each calls its own map's code directly. */
    public static final class Driver {
        private Ipv4PrefixMap<Object> map = new Ipv4PrefixMap<>();

        public int capacity() {
            return map.capacity();
        }

        public void fill(long[] keys) {
            map = new Ipv4PrefixMap<>();
            for (long key : keys) {
                map.put(key, Boolean.TRUE);
            }
        }

        public int get(long[] keys) {
            int hits = 0;
            for (long key : keys) {
                if (map.get(key) != null) {
                    hits++;
                }
            }
            return hits;
        }

        public int removeAndPutBack(long[] keys) {
            for (long key : keys) {
                map.remove(key);
                map.put(key, Boolean.TRUE);
            }
            return map.size();
        }

        public int removeAll(long[] keys) {
            for (long key : keys) {
                map.remove(key);
            }
            return map.size();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PrefixMapAB OLD_CLASSES_DIR [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long[] inOrder = PrefixMapBenchmark.inAddressOrder();
        long[] shuffled = PrefixMapBenchmark.shuffled(inOrder);
        URL self = PrefixMapAB.class.getProtectionDomain().getCodeSource().getLocation();
        Object[] drivers = {driver(new URL[] {Path.of(args[0]).toUri().toURL(), self}), driver(new URL[] {self})};
        long[][][] nanos = new long[2][STEPS.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = round % 2 == 0 ? turn : 1 - turn;
                time(drivers[which], inOrder, shuffled, nanos[which], round);
            }
        }
        String[] names = {"other (" + args[0] + ")", "this build"};
        for (int which = 0; which < 2; which++) {
            StringBuilder line = new StringBuilder(names[which]).append(", ")
                    .append(drivers[which].getClass().getMethod("capacity").invoke(drivers[which])).append(" slots:");
            for (int step = 0; step < STEPS.length; step++) {
                long[] later = Arrays.copyOfRange(nanos[which][step], rounds / 4, rounds);
                Arrays.sort(later);
                line.append(String.format(" %s %.1f", STEPS[step], later[later.length / 2] / (double) PREFIXES));
            }
            System.out.println(line.append(" ns per prefix"));
        }
    }

    private static Object driver(URL[] path) throws ReflectiveOperationException {
        // The platform loader as parent: the map and the driver come from these URLs, in their order.
        ClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
        return loader.loadClass(Driver.class.getName()).getConstructor().newInstance();
    }

    private static void time(Object driver, long[] inOrder, long[] shuffled, long[][] nanos, int round)
            throws ReflectiveOperationException {
        Class<?> c = driver.getClass();
        Method fill = c.getMethod("fill", long[].class);
        Method get = c.getMethod("get", long[].class);
        Method churn = c.getMethod("removeAndPutBack", long[].class);
        Method removeAll = c.getMethod("removeAll", long[].class);
        nanos[0][round] = timed(fill, driver, inOrder);
        nanos[1][round] = timed(get, driver, inOrder);
        nanos[2][round] = timed(get, driver, shuffled);
        nanos[3][round] = timed(churn, driver, shuffled);
        nanos[4][round] = timed(removeAll, driver, inOrder);
        fill.invoke(driver, (Object) inOrder);
        nanos[5][round] = timed(removeAll, driver, shuffled);
        fill.invoke(driver, (Object) inOrder);
    }

    private static long timed(Method step, Object driver, long[] keys) throws ReflectiveOperationException {
        long start = System.nanoTime();
        step.invoke(driver, (Object) keys);
        return System.nanoTime() - start;
    }
}
