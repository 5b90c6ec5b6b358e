package dev.podbgp.rib.policy;

import static dev.podbgp.rib.policy.Routes.EBGP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PolicyProperties {

    @Property
    void acceptRulesWithoutActionsReturnTheAttributesUnchanged(@ForAll("prefixes") Prefix prefix,
            @ForAll("attributes") PathAttributes attributes, @ForAll("matches") List<Match> matches) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            rules.add(Rule.accept("r" + i, matches.get(i)));
        }
        Policy policy = new Policy("accepting", rules, Verdict.ACCEPT);

        assertThat(policy.evaluate(prefix, attributes, EBGP)).isEqualTo(new PolicyResult.Accepted(attributes));
    }

    @Property
    void evaluationIsDeterministic(@ForAll("prefixes") Prefix prefix, @ForAll("attributes") PathAttributes attributes,
            @ForAll("rules") List<Rule> rules, @ForAll boolean acceptByDefault) {
        Policy policy = new Policy("any", rules, acceptByDefault ? Verdict.ACCEPT : Verdict.REJECT);
        Policy copy = new Policy("any", new ArrayList<>(rules), acceptByDefault ? Verdict.ACCEPT : Verdict.REJECT);

        PolicyResult first = policy.evaluate(prefix, attributes, EBGP);

        assertThat(policy.evaluate(prefix, attributes, EBGP)).isEqualTo(first);
        assertThat(copy.evaluate(prefix, attributes, EBGP)).isEqualTo(first);
    }

    @Provide
    Arbitrary<Prefix> prefixes() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 32))
                .as((bits, len) -> (Prefix) Ipv4Prefix.masked(bits, len));
    }

    private static Arbitrary<Integer> smallAsn() {
        return Arbitraries.integers().between(65000, 65005);
    }

    private static Arbitrary<Community> communities() {
        return Arbitraries.integers().between(1, 4).map(v -> Community.of(65001, v));
    }

    private static Arbitrary<LargeCommunity> largeCommunities() {
        return Arbitraries.longs().between(1, 3).map(v -> new LargeCommunity(4200000001L, v, v));
    }

    @Provide
    Arbitrary<PathAttributes> attributes() {
        Arbitrary<AsPath> paths = smallAsn().list().ofMaxSize(6)
                .map(l -> AsPath.ofSequence(l.stream().mapToLong(Integer::longValue).toArray()));
        Arbitrary<int[]> comms = communities().list().ofMinSize(1).ofMaxSize(4)
                .map(l -> l.stream().mapToInt(Community::value).toArray());
        Arbitrary<long[]> large = largeCommunities().list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                .map(l -> l.stream().flatMapToLong(c -> java.util.stream.LongStream.of(c.global(), c.local1(), c.local2())).toArray());
        return Combinators.combine(paths, comms.injectNull(0.3), large.injectNull(0.5),
                Arbitraries.longs().between(0, 1000).injectNull(0.5)).as((path, c, l, med) -> {
                    List<PathAttribute> a = new ArrayList<>(List.of(Origin.IGP, path));
                    if (c != null) {
                        a.add(Communities.of(c));
                    }
                    if (l != null) {
                        a.add(new LargeCommunities(toInts(l)));
                    }
                    if (med != null) {
                        a.add(new MultiExitDisc(med));
                    }
                    return PathAttributes.of(a);
                });
    }

    private static int[] toInts(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static Arbitrary<Match> match() {
        return Arbitraries.oneOf(
                Arbitraries.just(new Match.Any()),
                Arbitraries.of("10.0.0.0/8 le 24", "0.0.0.0/0 ge 16 le 24", "192.168.0.0/16 ge 24")
                        .map(s -> new Match.PrefixIn(List.of(PrefixRange.parse(s)))),
                communities().list().ofMinSize(1).ofMaxSize(2).map(Match.CommunityAnyOf::new),
                communities().list().ofMinSize(1).ofMaxSize(2).map(Match.CommunityAllOf::new),
                largeCommunities().list().ofMinSize(1).ofMaxSize(2).map(Match.LargeCommunityAnyOf::new),
                largeCommunities().list().ofMinSize(1).ofMaxSize(2).map(Match.LargeCommunityAllOf::new),
                Combinators.combine(Arbitraries.of(Comparison.class), Arbitraries.integers().between(0, 6))
                        .as(Match.AsPathLength::new),
                smallAsn().map(Match.AsPathContains::new),
                smallAsn().map(Match.OriginAs::new),
                smallAsn().map(Match.NeighborAs::new));
    }

    @Provide
    Arbitrary<List<Match>> matches() {
        return match().list().ofMaxSize(5);
    }

    private static Arbitrary<Action> action() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 500).map(Action.SetLocalPref::new),
                Arbitraries.longs().between(0, 500).map(Action.SetMed::new),
                communities().list().ofMinSize(1).ofMaxSize(2).map(Action.AddCommunities::new),
                communities().list().ofMinSize(1).ofMaxSize(2).map(Action.RemoveCommunities::new),
                largeCommunities().list().ofMinSize(1).ofMaxSize(2).map(Action.AddLargeCommunities::new),
                largeCommunities().list().ofMinSize(1).ofMaxSize(2).map(Action.RemoveLargeCommunities::new),
                Arbitraries.integers().between(1, 3).map(Action.Prepend::ownAs),
                Combinators.combine(smallAsn(), Arbitraries.integers().between(1, 3)).as(Action.Prepend::as));
    }

    @Provide
    Arbitrary<List<Rule>> rules() {
        return Combinators.combine(match(), action().list().ofMaxSize(3), Arbitraries.of(Verdict.class))
                .as((m, a, v) -> new Rule("r", m, a, v)).list().ofMaxSize(6);
    }
}
