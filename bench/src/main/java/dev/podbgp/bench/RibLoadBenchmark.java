package dev.podbgp.bench;

import dev.podbgp.rib.Rib;
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
 * Loading a full table into the Loc-RIB on one thread (issue 5 targets: at least 2M routes/s
 * from one peer, 1M routes/s when two peers send the same table and every prefix goes through
 * the decision process). One operation is one route, so the score reads as routes per second.
 * Each invocation starts from an empty {@link Rib}, so growth of the table is included; no
 * listener is attached, so the cost of the change objects is included but not of a consumer.
 * The retained heap per route is measured by {@link RibHeapFootprint}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class RibLoadBenchmark {

    static final int ROUTES = 1_000_000;

    @State(Scope.Benchmark)
    public static class Table {
        RibTable table;

        @Setup
        public void setup() {
            table = new RibTable(ROUTES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUTES)
    public Rib onePeer(Table t) {
        Rib rib = t.table.newRib();
        t.table.load(rib, t.table.peerA);
        return rib;
    }

    /** Peer B's copy of each prefix meets peer A's and loses at the router-id step. */
    @Benchmark
    @OperationsPerInvocation(2 * ROUTES)
    public Rib twoPeers(Table t) {
        Rib rib = t.table.newRib();
        t.table.load(rib, t.table.peerA);
        t.table.load(rib, t.table.peerB);
        return rib;
    }
}
