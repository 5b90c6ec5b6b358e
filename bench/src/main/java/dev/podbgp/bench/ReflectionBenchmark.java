package dev.podbgp.bench;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.out.AdjRibOut;
import dev.podbgp.rib.out.NodeSettings;
import dev.podbgp.rib.out.OutboundPeer;
import dev.podbgp.rib.out.OutputSink;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.RoleConfig;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One UPDATE from a route-reflector client reflected to 1,000 clients that share one update
 * group (issue 5: "encoded once per update group; report time and bytes allocated"). One
 * operation is one received UPDATE of {@code prefixes} prefixes: the {@link Rib} takes the
 * routes, its listener {@link AdjRibOut} computes and encodes the output once and hands the same
 * {@code byte[]}s to the 999 other clients (a sink stands in for the channels). Each operation
 * alternates between two MED values so every one is a real change. The teardown checks that
 * exactly one message was encoded per operation, so the figure cannot come from a shortcut.
 * With {@code adjRibOut=false} the same routes go into a Rib with no listener: the difference
 * is what reflection to the 1,000 clients costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReflectionBenchmark {

    static final int CLIENTS = 1_000;
    static final long LOCAL_AS = 65000;

    @State(Scope.Thread)
    public static class Reflector {
        @Param({"1", "100"})
        int prefixes;

        /** false: the Rib alone, no listener, as the baseline that Adj-RIB-Out's cost sits on. */
        @Param({"true", "false"})
        boolean adjRibOut;

        Rib rib;
        AdjRibOut ribOut;
        PeerInfo source;
        Prefix[] table;
        PathAttributes[] variants;
        long operations;
        /** Which MED variant goes next; not reset between iterations, so every operation is a change. */
        int next;
        long encodedAtStart;
        Blackhole blackhole;
        final OutputSink sink = (peer, messages) -> blackhole.consume(messages);

        @Setup(Level.Iteration)
        public void setup(Blackhole bh) {
            blackhole = bh;
            Ipv4Address routerId = Ipv4Address.parse("10.255.0.1");
            rib = new Rib(routerId, BestPathOptions.defaults(LOCAL_AS));
            ribOut = new AdjRibOut(NodeSettings.of(LOCAL_AS, routerId, new RoleConfig(true, false)), rib);
            if (adjRibOut) {
                rib.addListener(ribOut);
            }
            PeerInfo[] clients = new PeerInfo[CLIENTS];
            for (int i = 0; i < CLIENTS; i++) {
                Ipv4Address a = new Ipv4Address(0x0A000000 | (i + 2));
                clients[i] = new PeerInfo(i, a, LOCAL_AS, a, true, true);
                ribOut.addPeer(new OutboundPeer(clients[i], PeerKind.MESH, false, routerId, null,
                        Policy.acceptAll("export"), SessionCapabilities.FOUR_OCTET_AS, Set.of(Family.IPV4_UNICAST)));
            }
            source = clients[0];
            rib.addPeer(source, PeerImport.acceptAll(source, LOCAL_AS));
            table = new Prefix[prefixes];
            for (int i = 0; i < prefixes; i++) {
                table[i] = Ipv4Prefix.masked(0x0B000000 | i << 8, 24);
            }
            variants = new PathAttributes[2];
            for (int v = 0; v < 2; v++) {
                variants[v] = rib.interner().intern(PathAttributes.of(Origin.IGP, AsPath.ofSequence(65010, 65020),
                        new NextHop((Ipv4Address) source.address()), new MultiExitDisc(v)));
            }
            ribOut.flush(sink);
            reflect(this);
            operations = 0;
            encodedAtStart = ribOut.encodedMessages();
        }

        @TearDown(Level.Iteration)
        public void check() {
            long encoded = ribOut.encodedMessages() - encodedAtStart;
            if (encoded != (adjRibOut ? operations : 0)) {
                throw new IllegalStateException(encoded + " messages encoded for " + operations + " reflected UPDATEs");
            }
        }
    }

    static void reflect(Reflector r) {
        PathAttributes attrs = r.variants[r.next];
        r.next ^= 1;
        r.operations++;
        for (Prefix p : r.table) {
            r.rib.announce(r.source, p, 0, attrs, r.source.address());
        }
        r.ribOut.flush(r.sink);
    }

    @Benchmark
    public void reflectOneUpdate(Reflector r) {
        reflect(r);
    }
}
