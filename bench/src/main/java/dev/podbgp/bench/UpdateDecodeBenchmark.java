package dev.podbgp.bench;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.nlri.NlriVisitor;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding a stream of IPv4 UPDATEs and visiting every announced prefix, the inbound hot path
 * of a full-table peer. One operation is one prefix, so the score reads as prefixes per
 * second and {@code -prof gc}'s {@code gc.alloc.rate.norm} as bytes per prefix. The 100-prefix
 * variant shows whether allocation scales with prefixes (it should not: per message it must
 * be the same in both).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpdateDecodeBenchmark {

    /** Messages are cycled through so the branch predictor cannot learn one of them. */
    private static final int MESSAGES = 64;

    @State(Scope.Thread)
    public static class Stream1000 extends Stream {
        @Setup
        public void setup() {
            init(1000);
        }
    }

    @State(Scope.Thread)
    public static class Stream100 extends Stream {
        @Setup
        public void setup() {
            init(100);
        }
    }

    /** The messages, a cursor, and a visitor that folds every prefix into two longs. */
    public abstract static class Stream implements NlriVisitor {
        byte[][] messages;
        int cursor;
        long sum;
        long count;

        void init(int prefixes) {
            messages = UpdateStream.messages(MESSAGES, prefixes);
        }

        byte[] next() {
            byte[] m = messages[cursor];
            cursor = (cursor + 1) % MESSAGES;
            return m;
        }

        @Override
        public void ipv4(long pathId, int bits, int length) {
            sum += bits ^ length;
            count++;
        }

        @Override
        public void ipv6(long pathId, long high, long low, int length) {
            sum += high ^ low ^ length;
            count++;
        }
    }

    @Benchmark
    @OperationsPerInvocation(1000)
    public void decode1000PrefixUpdates(Stream1000 stream, Blackhole bh) {
        decodeOne(stream, bh);
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public void decode100PrefixUpdates(Stream100 stream, Blackhole bh) {
        decodeOne(stream, bh);
    }

    private static void decodeOne(Stream stream, Blackhole bh) {
        byte[] message = stream.next();
        DecodeResult<Update> result = Update.decodeBody(message, UpdateStream.HEADER,
                message.length - UpdateStream.HEADER, UpdateStream.CAPS);
        if (!(result instanceof DecodeResult.Ok<Update> ok) || !ok.repaired().isEmpty()) {
            throw new IllegalStateException("benchmark input did not decode cleanly: " + result);
        }
        Update update = ok.value();
        update.nlri().forEach(stream);
        bh.consume(update.attributes());
        bh.consume(stream.sum);
        bh.consume(stream.count);
    }
}
