package dev.podbgp.rib.policy;

import static dev.podbgp.rib.policy.Routes.EBGP;
import static dev.podbgp.rib.policy.Routes.p;
import static dev.podbgp.rib.policy.Routes.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static final Match POD_RANGE = new Match.PrefixIn(List.of(PrefixRange.parse("10.240.0.0/16 le 26")));

    @Test
    void theFirstDecidingRuleWinsAndLaterRulesAreNotRun() {
        Policy policy = new Policy("import-tor", List.of(
                Rule.reject("no-long-paths", new Match.AsPathLength(Comparison.GT, 3)),
                Rule.accept("pods", POD_RANGE, new Action.SetLocalPref(200)),
                Rule.accept("everything", new Match.Any(), new Action.SetLocalPref(50))),
                Verdict.REJECT);

        assertThat(policy.evaluate(p("10.240.1.0/24"), path(65001), EBGP))
                .isEqualTo(new PolicyResult.Accepted(path(65001).with(new LocalPref(200))));
        assertThat(policy.evaluate(p("192.168.0.0/24"), path(65001), EBGP))
                .isEqualTo(new PolicyResult.Accepted(path(65001).with(new LocalPref(50))));
    }

    @Test
    void aRejectionNamesTheRuleAndItsPositionForShowRoutes() {
        Policy policy = new Policy("import-tor", List.of(
                Rule.accept("pods", POD_RANGE),
                Rule.reject("no-long-paths", new Match.AsPathLength(Comparison.GT, 3))),
                Verdict.ACCEPT);

        PolicyResult r = policy.evaluate(p("192.168.0.0/24"), path(1, 2, 3, 4), EBGP);

        assertThat(r).isInstanceOfSatisfying(PolicyResult.Rejected.class, rej -> {
            assertThat(rej.by()).isEqualTo("no-long-paths");
            assertThat(rej.ruleIndex()).isEqualTo(1);
            assertThat(rej.reason()).contains("import-tor");
        });
    }

    @Test
    void aRouteNoRuleDecidesGetsTheDefaultVerdict() {
        Policy closed = new Policy("closed", List.of(Rule.accept("pods", POD_RANGE)), Verdict.REJECT);

        assertThat(closed.evaluate(p("192.168.0.0/24"), path(65001), EBGP))
                .isEqualTo(new PolicyResult.Rejected(Policy.DEFAULT, PolicyResult.Rejected.NOT_A_RULE,
                        "no rule of policy closed accepted it"));
    }

    @Test
    void continueRulesChangeAttributesAndLetLaterRulesDecideOnTheChangedRoute() {
        Community tagged = Community.parse("64512:666");
        Policy policy = new Policy("tag-then-decide", List.of(
                Rule.modify("tag-long", new Match.AsPathLength(Comparison.GE, 2), new Action.AddCommunities(List.of(tagged))),
                Rule.reject("drop-tagged", new Match.CommunityAnyOf(List.of(tagged)))),
                Verdict.ACCEPT);

        assertThat(policy.evaluate(p("10.240.1.0/24"), path(65001, 65002), EBGP).isAccepted()).isFalse();
        assertThat(policy.evaluate(p("10.240.1.0/24"), path(65001), EBGP))
                .isEqualTo(new PolicyResult.Accepted(path(65001)));
    }

    @Test
    void changesBeforeADefaultAcceptAreKept() {
        Policy policy = new Policy("tag", List.of(
                Rule.modify("lp", new Match.Any(), new Action.SetLocalPref(300))), Verdict.ACCEPT);

        PolicyResult r = policy.evaluate(p("10.240.1.0/24"), path(65001), EBGP);

        assertThat(r).isEqualTo(new PolicyResult.Accepted(path(65001).with(new LocalPref(300))));
    }

    @Test
    void aPolicyCannotDefaultToContinue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Policy("x", List.of(), Verdict.CONTINUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOriginalAttributesAreNeverChanged() {
        PathAttributes original = path(65001);
        Policy policy = new Policy("p", List.of(Rule.accept("all", new Match.Any(),
                new Action.SetLocalPref(1), Action.Prepend.ownAs(2))), Verdict.ACCEPT);

        policy.evaluate(p("10.240.1.0/24"), original, EBGP);

        assertThat(original).isEqualTo(path(65001));
    }
}
