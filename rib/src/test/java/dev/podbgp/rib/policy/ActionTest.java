package dev.podbgp.rib.policy;

import static dev.podbgp.rib.policy.Routes.EBGP;
import static dev.podbgp.rib.policy.Routes.LOCAL_AS;
import static dev.podbgp.rib.policy.Routes.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTest {

    private static List<Community> cs(String... s) {
        return java.util.Arrays.stream(s).map(Community::parse).toList();
    }

    @Test
    void setLocalPrefAndMedReplaceTheAttribute() {
        PathAttributes a = path(65001).with(new LocalPref(100)).with(new MultiExitDisc(5));

        PathAttributes out = new Action.SetMed(50).apply(new Action.SetLocalPref(200).apply(a, EBGP), EBGP);

        assertThat(out.localPref()).isEqualTo(new LocalPref(200));
        assertThat(out.med()).isEqualTo(new MultiExitDisc(50));
        assertThat(out.asPath()).isEqualTo(a.asPath());
    }

    @Test
    void addCommunitiesAppendsOnlyMissingOnes() {
        PathAttributes a = Routes.withCommunities(path(65001), "65001:10");

        PathAttributes out = new Action.AddCommunities(cs("65001:10", "64512:1")).apply(a, EBGP);

        assertThat(out.communities()).isEqualTo(Routes.withCommunities(path(), "65001:10", "64512:1").communities());
    }

    @Test
    void rfc7606_s7_8_removingTheLastCommunityDropsTheAttributeRatherThanLeaveItEmpty() {
        PathAttributes a = Routes.withCommunities(path(65001), "65001:10", "65001:20");

        PathAttributes one = new Action.RemoveCommunities(cs("65001:10")).apply(a, EBGP);
        PathAttributes none = new Action.RemoveCommunities(cs("65001:10", "65001:20")).apply(a, EBGP);

        assertThat(one.communities()).isEqualTo(Routes.withCommunities(path(), "65001:20").communities());
        assertThat(none.has(AttributeType.COMMUNITIES.code())).isFalse();
    }

    @Test
    void rfc8092_largeCommunitiesAreAddedOnceAndRemovedWholly() {
        LargeCommunity tag = LargeCommunity.parse("64512:1:2");
        PathAttributes a = Routes.withLarge(path(65001), "64512:1:2");

        PathAttributes added = new Action.AddLargeCommunities(List.of(tag, LargeCommunity.parse("64512:3:4"))).apply(a, EBGP);
        PathAttributes removed = new Action.RemoveLargeCommunities(List.of(tag)).apply(a, EBGP);

        assertThat(added.largeCommunities()).isEqualTo(Routes.withLarge(path(), "64512:1:2", "64512:3:4").largeCommunities());
        assertThat(removed.has(AttributeType.LARGE_COMMUNITIES.code())).isFalse();
    }

    @Test
    void prependOwnAsPutsTheLocalAsInFrontNTimes() {
        PathAttributes out = Action.Prepend.ownAs(3).apply(path(65001), EBGP);

        assertThat(out.asPath()).isEqualTo(AsPath.ofSequence(LOCAL_AS, LOCAL_AS, LOCAL_AS, 65001));
    }

    @Test
    void prependAGivenAsUsesThatAs() {
        PathAttributes out = Action.Prepend.as(4200000001L, 2).apply(path(65001), EBGP);

        assertThat(out.asPath()).isEqualTo(AsPath.ofSequence(4200000001L, 4200000001L, 65001));
        assertThat(out.asPath().length()).isEqualTo(3);
    }

    @Test
    void prependOnARouteWithoutAsPathCreatesOne() {
        PathAttributes out = Action.Prepend.ownAs(1).apply(path(65001).without(AttributeType.AS_PATH.code()), EBGP);

        assertThat(out.asPath()).isEqualTo(AsPath.ofSequence(LOCAL_AS));
    }

    @Test
    void outOfRangeValuesAreRefusedAtConfigTime() {
        assertThatThrownBy(() -> new Action.SetLocalPref(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Action.SetMed(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Action.Prepend.ownAs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Action.Prepend.ownAs(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Community.parse("65536:1")).isInstanceOf(IllegalArgumentException.class);
    }
}
