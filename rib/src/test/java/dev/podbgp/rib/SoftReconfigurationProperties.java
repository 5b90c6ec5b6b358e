package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.Action;
import dev.podbgp.rib.policy.Community;
import dev.podbgp.rib.policy.Comparison;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.Match;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.PodCidrGuard;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.PrefixRange;
import dev.podbgp.rib.policy.Rule;
import dev.podbgp.rib.policy.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Soft reconfiguration inbound is exact: reapplying a new import policy to the stored routes gives the same
 * Adj-RIB-In and Loc-RIB as receiving the routes under that policy in the first place, and reapplying an unchanged
 * policy publishes nothing.
 */
class SoftReconfigurationProperties {

    private static final PeerInfo TOR = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private static final PeerInfo OTHER = ebgp(2, "192.0.2.2", 64513, "10.0.0.2");
    private static final int TAG = Community.of(64512, 7).value();

    record Received(int prefix, int pathId, int extraHops, boolean tagged, boolean withdrawn) {
    }

    private static final List<Policy> POLICIES = List.of(
            Policy.acceptAll("all"),
            new Policy("short", List.of(Rule.reject("long", new Match.AsPathLength(Comparison.GT, 2))), Verdict.ACCEPT),
            new Policy("tagged-pref", List.of(Rule.accept("tag", new Match.CommunityAnyOf(List.of(new Community(TAG))),
                    new Action.SetLocalPref(50), Action.Prepend.ownAs(2))), Verdict.ACCEPT),
            new Policy("low-half", List.of(Rule.accept("low", new Match.PrefixIn(List.of(
                    PrefixRange.parse("198.18.0.0/21 le 24"))))), Verdict.REJECT));

    @Provide
    Arbitrary<List<Received>> routes() {
        return Combinators.combine(Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false), Arbitraries.of(false, false, true))
                .as(Received::new).list().ofMaxSize(30);
    }

    private static Prefix prefix(int i) {
        return new Ipv4Prefix(0xC6120000 | i << 8, 24);
    }

    private static PeerImport settings(int policy) {
        return PeerImport.acceptAll(TOR, LOCAL_AS).withSoftReconfiguration(true).withPipeline(new ImportPipeline(
                new PodCidrGuard(List.of(), List.of()), PeerKind.EXTERNAL, POLICIES.get(policy)));
    }

    private static Rib ribReceiving(List<Received> routes, int policy) {
        Rib rib = new Rib(Fixtures.ROUTER_ID, BestPathOptions.defaults(LOCAL_AS).withMaxPaths(2));
        rib.addPeer(TOR, settings(policy));
        rib.addPeer(OTHER, PeerImport.acceptAll(OTHER, LOCAL_AS));
        for (int i = 0; i < 16; i += 3) {
            rib.announce(OTHER, prefix(i), 0, path(64513, 64600).build(), ip("192.0.2.2"));
        }
        for (Received r : routes) {
            if (r.withdrawn()) {
                rib.withdraw(TOR, prefix(r.prefix()), r.pathId());
                continue;
            }
            long[] asns = new long[1 + r.extraHops()];
            asns[0] = 64512;
            for (int h = 1; h < asns.length; h++) {
                asns[h] = 64700 + h;
            }
            Fixtures.Attrs attrs = path(asns);
            if (r.tagged()) {
                attrs.communities(TAG);
            }
            rib.announce(TOR, prefix(r.prefix()), r.pathId(), attrs.build(), ip("192.0.2.1"));
        }
        return rib;
    }

    @Property(tries = 300)
    void reapplyingAPolicyEqualsReceivingUnderIt(@ForAll("routes") List<Received> routes,
            @ForAll("policy") int before, @ForAll("policy") int after) {
        Rib reapplied = ribReceiving(routes, before);
        reapplied.setImport(TOR, settings(after));
        Rib fresh = ribReceiving(routes, after);

        for (int i = 0; i < 16; i++) {
            Prefix p = prefix(i);
            assertThat(new HashSet<>(reapplied.routes(p))).as(p.toString()).isEqualTo(new HashSet<>(fresh.routes(p)));
            Decision a = reapplied.decision(p);
            Decision b = fresh.decision(p);
            assertThat(a == null ? null : a.best()).as(p.toString()).isEqualTo(b == null ? null : b.best());
        }
        assertThat(reapplied.routeCount(TOR)).isEqualTo(fresh.routeCount(TOR));

        List<LocRibChange> changes = new ArrayList<>();
        reapplied.addListener(changes::add);
        reapplied.reapplyImport(TOR);
        assertThat(changes).as("the same policy again").isEmpty();
    }

    @Provide
    Arbitrary<Integer> policy() {
        return Arbitraries.integers().between(0, POLICIES.size() - 1);
    }
}
