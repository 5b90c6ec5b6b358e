package dev.podbgp.rib.out;

import static dev.podbgp.rib.out.OutFixtures.REFLECTOR;
import static dev.podbgp.rib.out.OutFixtures.attrs;
import static dev.podbgp.rib.out.OutFixtures.client;
import static dev.podbgp.rib.out.OutFixtures.out;
import static dev.podbgp.rib.out.OutFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.Decision;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever mix of changes, blocked peers and flushes: replaying what each member was sent
 * leaves it with exactly the group's table minus its own routes; it is never sent a withdrawal
 * for a prefix it does not have; and a blocked member never owes more entries than prefixes.
 */
class AdjRibOutProperties {

    static final int PEERS = 4;
    static final int PREFIXES = 6;

    /** kind 0: select (prefix, source, med); 1: withdraw prefix; 2: peer blocked; 3: peer writable; 4: flush. */
    record Op(int kind, int prefix, int peer, int med) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.of(0, 0, 0, 1, 2, 3, 4, 4), Arbitraries.integers().between(0, PREFIXES - 1),
                Arbitraries.integers().between(1, PEERS), Arbitraries.integers().between(0, 2)).as(Op::new)
                .list().ofMaxSize(300);
    }

    private static Prefix prefix(int i) {
        return Ipv4Prefix.masked(0x0A000000 | i << 8, 24);
    }

    @Property(tries = 300)
    void membersEndUpWithTheirViewOfTheTable(@ForAll("ops") List<Op> ops) {
        LocRibCopy locRib = new LocRibCopy();
        AdjRibOut ribOut = locRib.adjRibOut(REFLECTOR);
        PeerInfo[] peers = new PeerInfo[PEERS + 1];
        for (int i = 1; i <= PEERS; i++) {
            peers[i] = client(i, "10.0.0." + i);
            ribOut.addPeer(out(peers[i]));
        }
        Map<Prefix, int[]> best = new HashMap<>(); // prefix -> {source, med}
        List<Map<Prefix, Long>> held = new java.util.ArrayList<>();
        for (int i = 0; i <= PEERS; i++) {
            held.add(new HashMap<>());
        }
        OutputSink replay = Sent.replayInto(held);
        for (Op op : ops) {
            switch (op.kind()) {
                case 0 -> {
                    Route r = route(peers[op.peer()], attrs(AsPath.ofSequence(65010), new MultiExitDisc(op.med())));
                    locRib.apply(new LocRibChange.Selected(prefix(op.prefix()),
                            new Decision(r, null, List.of(r)), List.of(r.nextHop())));
                    best.put(prefix(op.prefix()), new int[] {op.peer(), op.med()});
                }
                case 1 -> {
                    locRib.apply(new LocRibChange.Withdrawn(prefix(op.prefix())));
                    best.remove(prefix(op.prefix()));
                }
                case 2 -> ribOut.setWritable(op.peer(), false);
                case 3 -> ribOut.setWritable(op.peer(), true);
                default -> ribOut.flush(replay);
            }
            for (int i = 1; i <= PEERS; i++) {
                assertThat(ribOut.pendingCount(i)).isLessThanOrEqualTo(PREFIXES);
            }
        }
        for (int i = 1; i <= PEERS; i++) {
            ribOut.setWritable(i, true);
        }
        ribOut.flush(replay);
        for (int i = 1; i <= PEERS; i++) {
            Map<Prefix, Long> expected = new HashMap<>();
            for (Map.Entry<Prefix, int[]> e : best.entrySet()) {
                if (e.getValue()[0] != i) {
                    expected.put(e.getKey(), (long) e.getValue()[1]);
                }
            }
            assertThat(held.get(i)).as("peer %d", i).isEqualTo(expected);
        }
    }
}
