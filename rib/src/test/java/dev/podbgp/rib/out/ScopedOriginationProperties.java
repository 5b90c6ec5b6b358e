package dev.podbgp.rib.out;

import static dev.podbgp.rib.out.OutFixtures.LOCAL_AS;
import static dev.podbgp.rib.out.OutFixtures.PLAIN;
import static dev.podbgp.rib.out.OutFixtures.ROUTER_ID;
import static dev.podbgp.rib.out.OutFixtures.ebgpPeer;
import static dev.podbgp.rib.out.OutFixtures.out;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.PeerScope;
import dev.podbgp.rib.Rib;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever mix of scoped and unscoped announcements, withdrawals, releases, peers leaving and coming back, blocked
 * peers and flushes: replaying what each peer was sent leaves it with exactly what ExaBGP's RIB per neighbour would
 * hold (a model written here, per peer), and no peer is sent a withdrawal for a prefix it does not have.
 */
class ScopedOriginationProperties {

    static final int PEERS = 3;
    static final int PREFIXES = 3;

    /**
     * kind 0: announce, 1: withdraw, 2: forget, 3: peer leaves the config and comes back, 4: blocked, 5: writable,
     * 6: flush. scope 0: everyone; 1..PEERS: that peer; PEERS + 1: peers 1 and 2.
     */
    record Op(int kind, int prefix, int scope, int med) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.of(0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 6),
                Arbitraries.integers().between(0, PREFIXES - 1), Arbitraries.integers().between(0, PEERS + 1),
                Arbitraries.integers().between(1, 3)).as(Op::new).list().ofMaxSize(200);
    }

    /** ExaBGP's view, per prefix: the route for everyone, what named peers were told, who was told to withdraw. */
    static final class Model {
        Integer everyone;
        final Map<Integer, Integer> own = new HashMap<>();
        final Set<Integer> withheld = new HashSet<>();

        Integer forPeer(int peer) {
            if (withheld.contains(peer)) {
                return null;
            }
            Integer med = own.get(peer);
            return med != null ? med : everyone;
        }
    }

    @Property(tries = 300)
    void everyPeerHoldsWhatWasAnnouncedToIt(@ForAll("ops") List<Op> ops) {
        Rib rib = new Rib(ROUTER_ID, BestPathOptions.defaults(LOCAL_AS));
        AdjRibOut ribOut = new AdjRibOut(PLAIN, rib);
        rib.addListener(ribOut);
        PeerInfo[] peers = new PeerInfo[PEERS + 1];
        List<Map<Prefix, Long>> held = new ArrayList<>();
        held.add(null);
        for (int i = 1; i <= PEERS; i++) {
            peers[i] = ebgpPeer(i, "10.0.0." + i, 65002);
            ribOut.addPeer(out(peers[i]));
            held.add(new HashMap<>());
        }
        OutputSink replay = Sent.replayInto(held);
        Map<Prefix, Model> model = new HashMap<>();
        for (Op op : ops) {
            Prefix p = Ipv4Prefix.masked(0xC0000200 | op.prefix(), 32);
            Model m = model.computeIfAbsent(p, k -> new Model());
            List<Integer> named = named(op.scope());
            PeerScope scope = named.isEmpty() ? PeerScope.EVERYONE
                    : PeerScope.Peers.of(Set.copyOf(named.stream().map(i -> peers[i].address()).toList()));
            switch (op.kind()) {
                case 0 -> {
                    rib.originate(p, PathAttributes.of(Origin.IGP, new MultiExitDisc(op.med())), scope);
                    if (named.isEmpty()) {
                        m.everyone = op.med();
                        m.own.clear();
                        m.withheld.clear();
                    } else {
                        for (int i : named) {
                            m.own.put(i, op.med());
                            m.withheld.remove(i);
                        }
                    }
                }
                case 1 -> {
                    rib.withdrawOriginated(p, scope);
                    if (named.isEmpty()) {
                        m.everyone = null;
                        m.own.clear();
                        m.withheld.clear();
                    } else {
                        for (int i : named) {
                            m.own.remove(i);
                            if (m.everyone != null) {
                                m.withheld.add(i);
                            }
                        }
                    }
                }
                case 2 -> {
                    rib.forgetOriginated(p, scope);
                    if (named.isEmpty()) {
                        m.everyone = null;
                        m.withheld.clear();
                    } else {
                        for (int i : named) {
                            m.own.remove(i);
                            m.withheld.remove(i);
                        }
                    }
                }
                case 3 -> {
                    int i = Math.max(1, Math.min(PEERS, op.scope()));
                    ribOut.removePeer(i);
                    rib.removePeer(peers[i]);
                    model.values().forEach(each -> {
                        each.own.remove(i);
                        each.withheld.remove(i);
                    });
                    held.set(i, new HashMap<>());
                    ribOut.addPeer(out(peers[i]));
                }
                case 4 -> ribOut.setWritable(Math.max(1, Math.min(PEERS, op.scope())), false);
                case 5 -> ribOut.setWritable(Math.max(1, Math.min(PEERS, op.scope())), true);
                default -> ribOut.flush(replay);
            }
        }
        for (int i = 1; i <= PEERS; i++) {
            ribOut.setWritable(i, true);
        }
        ribOut.flush(replay);
        for (int i = 1; i <= PEERS; i++) {
            Map<Prefix, Long> expected = new HashMap<>();
            for (Map.Entry<Prefix, Model> e : model.entrySet()) {
                Integer med = e.getValue().forPeer(i);
                if (med != null) {
                    expected.put(e.getKey(), (long) med);
                }
            }
            assertThat(held.get(i)).as("peer %d", i).isEqualTo(expected);
        }
        // The Loc-RIB holds one local route for a prefix exactly while some peer may get it.

        for (Map.Entry<Prefix, Model> e : model.entrySet()) {
            Model m = e.getValue();
            boolean any = m.everyone != null || !m.own.isEmpty();
            assertThat(rib.decision(e.getKey()) != null).as("%s in the Loc-RIB", e.getKey()).isEqualTo(any);
        }
        if (model.values().stream().allMatch(m -> m.own.isEmpty() && m.withheld.isEmpty())) {
            assertThat(rib.scopedPeers()).isEmpty();
        }
    }

    private static List<Integer> named(int scope) {
        if (scope == 0) {
            return List.of();
        }
        return scope <= PEERS ? List.of(scope) : List.of(1, 2);
    }
}
