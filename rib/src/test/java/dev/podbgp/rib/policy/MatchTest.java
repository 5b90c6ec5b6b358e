package dev.podbgp.rib.policy;

import static dev.podbgp.rib.policy.Routes.EBGP;
import static dev.podbgp.rib.policy.Routes.IBGP;
import static dev.podbgp.rib.policy.Routes.p;
import static dev.podbgp.rib.policy.Routes.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Prefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchTest {

    private static final Prefix ROUTE = p("10.240.3.0/24");

    private static boolean matches(Match m, PathAttributes a) {
        return m.matches(ROUTE, a, EBGP);
    }

    private static List<Community> cs(String... s) {
        return java.util.Arrays.stream(s).map(Community::parse).toList();
    }

    private static List<LargeCommunity> ls(String... s) {
        return java.util.Arrays.stream(s).map(LargeCommunity::parse).toList();
    }

    @Test
    void communityAnyOfNeedsOneAllOfNeedsEvery() {
        PathAttributes a = Routes.withCommunities(path(65001), "65001:10", "65001:20");

        assertThat(matches(new Match.CommunityAnyOf(cs("65001:99", "65001:20")), a)).isTrue();
        assertThat(matches(new Match.CommunityAnyOf(cs("65001:99")), a)).isFalse();
        assertThat(matches(new Match.CommunityAllOf(cs("65001:10", "65001:20")), a)).isTrue();
        assertThat(matches(new Match.CommunityAllOf(cs("65001:10", "65001:99")), a)).isFalse();
    }

    @Test
    void aRouteWithoutCommunitiesMatchesNoCommunityCondition() {
        assertThat(matches(new Match.CommunityAnyOf(cs("65001:10")), path(65001))).isFalse();
        assertThat(matches(new Match.LargeCommunityAnyOf(ls("65001:1:2")), path(65001))).isFalse();
    }

    @Test
    void largeCommunityConditionsCompareAllThreeParts() {
        PathAttributes a = Routes.withLarge(path(65001), "4200000001:1:2", "65001:7:8");

        assertThat(matches(new Match.LargeCommunityAnyOf(ls("4200000001:1:2")), a)).isTrue();
        assertThat(matches(new Match.LargeCommunityAnyOf(ls("4200000001:1:3")), a)).isFalse();
        assertThat(matches(new Match.LargeCommunityAllOf(ls("4200000001:1:2", "65001:7:8")), a)).isTrue();
        assertThat(matches(new Match.LargeCommunityAllOf(ls("4200000001:1:2", "65001:7:9")), a)).isFalse();
    }

    @Test
    void rfc4271_s9_1_2_2_asPathLengthCountsAnAsSetAsOne() {
        PathAttributes a = PathAttributes.of(new AsPath(List.of(
                new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, new int[] {65001, 65002}),
                new AsPathSegment(AsPathSegment.Type.AS_SET, new int[] {65003, 65004, 65005}))));

        assertThat(matches(new Match.AsPathLength(Comparison.EQ, 3), a)).isTrue();
        assertThat(matches(new Match.AsPathLength(Comparison.GT, 3), a)).isFalse();
        assertThat(matches(new Match.AsPathLength(Comparison.LE, 3), a)).isTrue();
        assertThat(matches(new Match.AsPathContains(65004), a)).as("inside the set").isTrue();
        assertThat(matches(new Match.OriginAs(65005), a)).as("a trailing set has no single origin").isFalse();
    }

    @Test
    void originAsIsTheLastAsOfTheSequence() {
        PathAttributes a = path(65001, 65002, 4200000001L);

        assertThat(matches(new Match.OriginAs(4200000001L), a)).isTrue();
        assertThat(matches(new Match.OriginAs(65001), a)).isFalse();
        assertThat(matches(new Match.AsPathContains(65002), a)).isTrue();
        assertThat(matches(new Match.AsPathContains(65009), a)).isFalse();
    }

    @Test
    void aRouteWithoutAsPathHasLengthZeroAndNoOrigin() {
        PathAttributes a = path(65001).without(AttributeType.AS_PATH.code());

        assertThat(matches(new Match.AsPathLength(Comparison.EQ, 0), a)).isTrue();
        assertThat(matches(new Match.OriginAs(0), a)).isFalse();
    }

    @Test
    void neighbourConditionsLookAtTheSessionNotTheRoute() {
        Match byAddress = new Match.NeighborAddress(p("192.0.2.0/24"));
        Match byAs = new Match.NeighborAs(65001);

        assertThat(byAddress.matches(ROUTE, path(65001), EBGP)).isTrue();
        assertThat(byAddress.matches(ROUTE, path(65001), IBGP)).isFalse();
        assertThat(byAs.matches(ROUTE, path(), EBGP)).isTrue();
        assertThat(byAs.matches(ROUTE, path(65001), IBGP)).isFalse();
    }

    @Test
    void allOfNeedsEveryConditionAndPrefixInNeedsOneRange() {
        Match m = new Match.AllOf(List.of(
                new Match.PrefixIn(List.of(PrefixRange.parse("10.240.0.0/16 le 24"), PrefixRange.parse("fd00::/48 le 64"))),
                new Match.NeighborAs(65001)));

        assertThat(m.matches(p("10.240.3.0/24"), path(65001), EBGP)).isTrue();
        assertThat(m.matches(p("fd00::/64"), path(65001), EBGP)).isTrue();
        assertThat(m.matches(p("10.240.3.0/25"), path(65001), EBGP)).isFalse();
        assertThat(m.matches(p("10.240.3.0/24"), path(65001), IBGP)).isFalse();
    }

    @Test
    void anyOfNeedsOneConditionAndAnEmptyOneMatchesNothing() {
        Match either = new Match.AnyOf(List.of(new Match.NeighborAddress(p("198.51.100.0/24")),
                new Match.NeighborAddress(p("192.0.2.0/24"))));
        Match neither = new Match.AnyOf(List.of(new Match.NeighborAddress(p("198.51.100.0/24"))));

        assertThat(either.matches(ROUTE, path(65001), EBGP)).isTrue();
        assertThat(neither.matches(ROUTE, path(65001), EBGP)).isFalse();
        assertThat(new Match.AnyOf(List.of()).matches(ROUTE, path(65001), EBGP)).isFalse();
    }
}
