package dev.podbgp.rib.out;

import static dev.podbgp.rib.out.OutFixtures.LOCAL;
import static dev.podbgp.rib.out.OutFixtures.LOCAL_AS;
import static dev.podbgp.rib.out.OutFixtures.PLAIN;
import static dev.podbgp.rib.out.OutFixtures.ebgpPeer;
import static dev.podbgp.rib.out.OutFixtures.out;
import static dev.podbgp.rib.out.OutFixtures.v4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.Decision;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Whatever mix of Loc-RIB changes, aggregate reloads, blocked peers and flushes: replaying what each peer was sent
 * leaves it with exactly what the §9.2.2.2 rules give for the final Loc-RIB and aggregates, computed from scratch:
 * each selected aggregate with at least one route inside, with the worst ORIGIN and ATOMIC_AGGREGATE when a
 * contributor had a path; no more-specific of a summary-only one; every other route as usual.
 */
class AggregateProperties {

    private static final Prefix AGGREGATE = Ipv4Prefix.parse("10.244.0.0/16");
    /** Four inside the aggregate, one outside, and the aggregate's own prefix. */
    private static final List<Prefix> PREFIXES = List.of(p("10.244.0.0/24"), p("10.244.1.0/24"), p("10.244.2.0/24"),
            p("10.244.3.0/24"), p("10.99.0.0/24"), AGGREGATE);
    private static final PeerInfo TOR1 = ebgpPeer(1, "192.0.2.1", 65101);
    private static final PeerInfo TOR2 = ebgpPeer(2, "192.0.2.2", 65102);
    private static final PeerInfo TOR3 = ebgpPeer(3, "192.0.2.3", 65103);
    private static final PeerInfo MESH = new PeerInfo(4, v4("10.0.0.4"), LOCAL_AS, v4("10.0.0.4"), true, false);
    private static final List<PeerInfo> PEERS = List.of(TOR1, TOR2, TOR3, MESH);
    /** The configurations a reload switches between. */
    private static final List<List<Aggregate>> CONFIGS = List.of(List.of(),
            List.of(new Aggregate(AGGREGATE, false, AggregatePeers.EXTERNAL)),
            List.of(new Aggregate(AGGREGATE, true, AggregatePeers.EXTERNAL)),
            List.of(new Aggregate(AGGREGATE, true, new AggregatePeers(Set.of(TOR2.address()), Set.of()))));

    /**
     * kind 0: our own route (origin a); 1: a mesh route (a: empty path or not); 2: withdraw; 3: reload to config a;
     * 4: peer blocked; 5: peer writable; 6: flush.
     */
    record Op(int kind, int prefix, int a, int peer) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.of(0, 0, 1, 1, 2, 3, 4, 5, 6, 6), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 4)).as(Op::new)
                .list().ofMaxSize(200);
    }

    private static Prefix p(String s) {
        return Prefix.parse(s);
    }

    @Property(tries = 300)
    void everyPeerEndsWithTheAggregatedViewOfTheLocRib(@ForAll("ops") List<Op> ops) {
        LocRibCopy copy = new LocRibCopy();
        AdjRibOut ribOut = copy.adjRibOut(PLAIN);
        List<Aggregate> config = List.of();
        Map<Prefix, Route> locRib = new HashMap<>();
        Map<Integer, Map<Prefix, PathAttributes>> held = new HashMap<>();
        for (PeerInfo peer : PEERS) {
            ribOut.addPeer(out(peer));
            held.put(peer.id(), new HashMap<>());
        }
        OutputSink replay = (peer, messages) -> {
            Map<Prefix, PathAttributes> view = held.get(peer.id());
            for (Update u : Sent.decode(messages)) {
                Sent.withdrawn(u).forEach(view::remove);
                Sent.announced(u).forEach(prefix -> view.put(prefix, u.attributes()));
            }
        };
        for (Op op : ops) {
            Prefix prefix = PREFIXES.get(op.prefix());
            switch (op.kind()) {
                case 0, 1 -> {
                    Route r = op.kind() == 0
                            ? new Route(LOCAL, 0, PathAttributes.of(Origin.values()[op.a() % 3], AsPath.EMPTY), Ipv4Address.ANY)
                            : new Route(MESH, 0, PathAttributes.of(Origin.IGP,
                                    op.a() % 2 == 0 ? AsPath.EMPTY : AsPath.ofSequence(65300)), MESH.address());
                    locRib.put(prefix, r);
                    copy.apply(new LocRibChange.Selected(prefix, new Decision(r, null, List.of(r)),
                            List.of(r.nextHop())));
                }
                case 2 -> {
                    locRib.remove(prefix);
                    copy.apply(new LocRibChange.Withdrawn(prefix));
                }
                case 3 -> {
                    config = CONFIGS.get(op.a());
                    ribOut.setAggregates(config);
                }
                case 4 -> ribOut.setWritable(op.peer(), false);
                case 5 -> ribOut.setWritable(op.peer(), true);
                default -> ribOut.flush(replay);
            }
        }
        for (PeerInfo peer : PEERS) {
            ribOut.setWritable(peer.id(), true);
        }
        ribOut.flush(replay);
        for (PeerInfo peer : PEERS) {
            assertThat(summary(held.get(peer.id()))).as("%s with %s, Loc-RIB %s", peer.address(), config, locRib)
                    .isEqualTo(expected(peer, config, locRib));
        }
    }

    /** What the peer should hold, as prefix to a short description of what it was sent. */
    private static Map<Prefix, String> expected(PeerInfo peer, List<Aggregate> config, Map<Prefix, Route> locRib) {
        List<Aggregate> selected = new ArrayList<>();
        for (Aggregate a : config) {
            if (a.peers().selects(out(peer))) {
                selected.add(a);
            }
        }
        Map<Prefix, String> out = new HashMap<>();
        locRib.forEach((prefix, route) -> {
            boolean hidden = selected.stream().anyMatch(a -> a.summaryOnly() && a.coversMoreSpecific(prefix));
            // iBGP-learned routes go to no iBGP peer (RFC 4271 §9.2), and none back to its source.
            boolean exported = route.peer().isLocal() || !peer.internal();
            if (!hidden && exported) {
                out.put(prefix, "route");
            }
        });
        for (Aggregate a : selected) {
            List<Route> contributors = locRib.entrySet().stream().filter(e -> a.coversMoreSpecific(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            if (contributors.isEmpty()) {
                continue;
            }
            Origin worst = contributors.stream().map(r -> r.attributes().origin())
                    .max(Enum::compareTo).orElseThrow();
            boolean atomic = contributors.stream().anyMatch(r -> !r.attributes().asPath().isEmpty());
            out.put(a.prefix(), "aggregate " + worst + (atomic ? " atomic" : ""));
        }
        return out;
    }

    private static Map<Prefix, String> summary(Map<Prefix, PathAttributes> view) {
        Map<Prefix, String> out = new HashMap<>();
        view.forEach((prefix, a) -> out.put(prefix, a.aggregator() == null ? "route"
                : "aggregate " + a.origin() + (a.has(AttributeType.ATOMIC_AGGREGATE.code()) ? " atomic" : "")));
        return out;
    }
}
