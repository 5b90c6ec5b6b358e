package dev.podbgp.bench;

import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv4PrefixMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The map under the Loc-RIB and the FIB writer's state on its own, a full table of 1M /24s: filling it in
 * address order from empty (growth included, as a feed does), looking every prefix up in address order and in a
 * shuffled order (cache misses), and withdrawing and announcing every prefix again (backward-shift deletion). One
 * operation is one prefix. Uses only the map's public calls, so another build's map can be measured with the same
 * benchmark by putting its classes first on the class path (bench/README.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC"})
public class PrefixMapBenchmark {

    static final int PREFIXES = 1_000_000;

    @State(Scope.Benchmark)
    public static class Table {
        long[] inOrder;
        long[] shuffled;
        Ipv4PrefixMap<Object> full;

        @Setup
        public void setup() {
            inOrder = inAddressOrder();
            shuffled = shuffled(inOrder);
            full = new Ipv4PrefixMap<>();
            for (long key : inOrder) {
                full.put(key, Boolean.TRUE);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public Ipv4PrefixMap<Object> fillInAddressOrder(Table t) {
        Ipv4PrefixMap<Object> map = new Ipv4PrefixMap<>();
        for (long key : t.inOrder) {
            map.put(key, Boolean.TRUE);
        }
        return map;
    }

    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public int getInAddressOrder(Table t) {
        return hits(t.full, t.inOrder);
    }

    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public int getShuffled(Table t) {
        return hits(t.full, t.shuffled);
    }

    /** Every prefix withdrawn and announced again, in a shuffled order: the table ends as it began. */
    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public int removeAndPutBack(Table t) {
        Ipv4PrefixMap<Object> map = t.full;
        for (long key : t.shuffled) {
            map.remove(key);
            map.put(key, Boolean.TRUE);
        }
        return map.size();
    }

    /** The packed keys of 1M /24s from 10.0.0.0/24 up, in address order. */
    static long[] inAddressOrder() {
        long[] keys = new long[PREFIXES];
        for (int i = 0; i < PREFIXES; i++) {
            keys[i] = Ipv4Prefix.pack(0x0A00_0000 + (i << 8), 24);
        }
        return keys;
    }

    /** The same keys in one fixed random order. */
    static long[] shuffled(long[] keys) {
        long[] out = keys.clone();
        Random random = new Random(16);
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long k = out[i];
            out[i] = out[j];
            out[j] = k;
        }
        return out;
    }

    private static int hits(Ipv4PrefixMap<Object> map, long[] keys) {
        int hits = 0;
        for (long key : keys) {
            if (map.get(key) != null) {
                hits++;
            }
        }
        return hits;
    }
}
