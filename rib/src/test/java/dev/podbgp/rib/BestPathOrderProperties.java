package dev.podbgp.rib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The decision process is deterministic: the same set of routes, inserted into a {@link Rib} in
 * any order, yields the same best route and the same ECMP set. Values are drawn from small ranges
 * so that ties reach the later steps, including the non-transitive MED rule.
 */
class BestPathOrderProperties {

    private static final Prefix PREFIX = Ipv4Prefix.parse("203.0.113.0/24");

    record Candidate(int peer, int pathId, boolean internal, int asFirst, int pathLength, int origin,
            Integer localPref, Integer med, Integer originator, int clusterLength, boolean stale, int nextHop) {
    }

    @Provide
    Arbitrary<List<Candidate>> candidates() {
        Arbitrary<Candidate> one = Combinators.combine(
                Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false), Arbitraries.integers().between(64501, 64502),
                        Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 1))
                        .as((p, q, r, s, t, u) -> Arrays.<Object>asList(p, q, r, s, t, u)),
                Combinators.combine(Arbitraries.integers().between(100, 101).injectNull(0.6),
                        Arbitraries.integers().between(0, 2).injectNull(0.3),
                        Arbitraries.integers().between(1, 3).injectNull(0.5), Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false, false, false, false, false, false, false), Arbitraries.integers().between(1, 3))
                        .as((p, q, r, s, t, u) -> Arrays.<Object>asList(p, q, r, s, t, u)))
                .as((x, y) -> new Candidate((Integer) x.get(0), (Integer) x.get(1), (Boolean) x.get(2),
                        (Integer) x.get(3), (Integer) x.get(4), (Integer) x.get(5), (Integer) y.get(0),
                        (Integer) y.get(1), (Integer) y.get(2), (Integer) y.get(3), (Boolean) y.get(4),
                        (Integer) y.get(5)));
        // One route per (peer, path id), as the Adj-RIB-In keys them.
        return one.list().ofMinSize(1).ofMaxSize(10).uniqueElements(c -> List.of(c.peer(), c.pathId()));
    }

    @Property(tries = 1000)
    void sameRoutesInAnyOrderGiveTheSameBestPathAndEcmpSet(@ForAll("candidates") List<Candidate> cands,
            @ForAll long seed, @ForAll boolean relax) {
        BestPathOptions options = BestPathOptions.defaults(Fixtures.LOCAL_AS).withMaxPaths(3).withMultipathRelax(relax);
        Decision first = insert(cands, options);
        List<Candidate> shuffled = new ArrayList<>(cands);
        Collections.shuffle(shuffled, new Random(seed));
        Decision second = insert(shuffled, options);
        assertThat(second.best()).isEqualTo(first.best());
        assertThat(second.decidedBy()).isEqualTo(first.decidedBy());
        assertThat(second.multipath()).isEqualTo(first.multipath());
        assertThat(second.nextHops()).isEqualTo(first.nextHops());
    }

    /**
     * {@link BestPath} skips the {@link BestPathStep#attributesOnly()} steps when all candidates
     * share one attribute set: each such step must tie for them, and skipping must not change
     * the outcome of the full chain.
     */
    @Property(tries = 1000)
    void stepsSkippedForASharedAttributeSetTie(@ForAll("candidates") List<Candidate> cands) {
        BestPathOptions options = BestPathOptions.defaults(Fixtures.LOCAL_AS);
        PathAttributes shared = attributes(cands.getFirst());
        Route[] routes = new Route[cands.size()];
        for (int i = 0; i < routes.length; i++) {
            Candidate c = cands.get(i);
            routes[i] = new Route(peer(c), c.pathId(), shared, Ipv4Address.of(192, 0, 2, c.nextHop()));
        }
        for (BestPathStep step : BestPath.CHAIN) {
            if (step.attributesOnly()) {
                for (Route x : routes) {
                    for (Route y : routes) {
                        assertThat(step.compare(x, y, options)).as(step.name()).isZero();
                    }
                }
            }
        }
        Decision d = new BestPath(options).select(routes, routes.length);
        Route[] c = routes.clone();
        int m = c.length;
        BestPathStep decidedBy = BestPathStep.ONLY_PATH;
        for (BestPathStep step : BestPath.CHAIN) {
            if (m == 1) {
                break;
            }
            m = step.filter(c, m, options);
            decidedBy = step;
        }
        assertThat(d.best()).isSameAs(c[0]);
        assertThat(d.decidedBy()).isEqualTo(decidedBy);
    }

    private static Decision insert(List<Candidate> cands, BestPathOptions options) {
        Rib rib = new Rib(Fixtures.ROUTER_ID, options);
        for (Candidate c : cands) {
            PeerInfo peer = peer(c);
            if (rib.importOf(peer) == null) {
                rib.addPeer(peer, PeerImport.acceptAll(peer, Fixtures.LOCAL_AS));
            }
            rib.announce(peer, PREFIX, c.pathId(), attributes(c), Ipv4Address.of(192, 0, 2, c.nextHop()));
        }
        return rib.decision(PREFIX);
    }

    // The peer's session type is a property of the peer, so it follows the peer index.
    private static PeerInfo peer(Candidate c) {
        boolean internal = c.peer() % 2 == 0;
        return new PeerInfo(c.peer(), Ipv4Address.of(192, 0, 2, 100 + c.peer()), internal ? Fixtures.LOCAL_AS : 64500,
                Ipv4Address.of(10, 0, 0, (c.peer() * 7) % 5 + 1), internal, false);
    }

    private static PathAttributes attributes(Candidate c) {
        List<PathAttribute> a = new ArrayList<>();
        long[] asns = new long[c.pathLength()];
        asns[0] = c.asFirst();
        for (int i = 1; i < asns.length; i++) {
            asns[i] = 64600 + (c.pathId() + i) % 2;
        }
        a.add(AsPath.ofSequence(asns));
        a.add(Origin.values()[c.origin()]);
        if (c.localPref() != null) {
            a.add(new LocalPref(c.localPref()));
        }
        if (c.med() != null) {
            a.add(new MultiExitDisc(c.med()));
        }
        if (c.originator() != null) {
            a.add(new OriginatorId(Ipv4Address.of(10, 0, 0, c.originator())));
        }
        if (c.clusterLength() > 0) {
            int[] ids = new int[c.clusterLength()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Ipv4Address.of(10, 1, 0, i + 1).bits();
            }
            a.add(new ClusterList(ids));
        }
        if (c.stale()) {
            a.add(Communities.of(Communities.LLGR_STALE));
        }
        return PathAttributes.of(a);
    }
}
