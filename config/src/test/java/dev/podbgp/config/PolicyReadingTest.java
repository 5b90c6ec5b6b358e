package dev.podbgp.config;

import static dev.podbgp.config.Configs.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A policy as written reads into exactly these records, in the order written. */
class PolicyReadingTest {

    @Test
    void everyMatchAndActionKind() throws ConfigException {
        PolicySpec p = load(Configs.NODE + """
                policies:
                  in:
                    default: accept
                    rules:
                      - name: all-conditions
                        match:
                          prefixes: [10.0.0.0/8 ge 16 le 24, "fd00::/8 le 64", 0.0.0.0/0, 192.0.2.0/24 ge 26]
                          communityAnyOf: [65000:1, no-export]
                          communityAllOf: [blackhole]
                          largeCommunityAnyOf: [4200000000:1:2]
                          largeCommunityAllOf: [1:2:3]
                          asPathLength: "<= 3"
                          asPathContains: 64512
                          originAs: 4200000000
                          neighbor: [192.0.2.1, 198.51.100.0/24]
                          neighborAs: 65100
                        actions:
                          - setLocalPref: 200
                          - setMed: 10
                          - addCommunity: [65001:100]
                          - removeCommunity: 65001:200
                          - addLargeCommunity: [65001:1:1]
                          - removeLargeCommunity: [65001:1:2]
                          - prepend: 2
                          - prepend: {asn: 65009, times: 3}
                        then: continue
                      - then: reject
                """).state().policies().get("in");
        MatchSpec expectedMatch = new MatchSpec(
                List.of(new PrefixRangeSpec(Prefix.parse("10.0.0.0/8"), 16, 24), new PrefixRangeSpec(Prefix.parse("fd00::/8"), 8, 64),
                        new PrefixRangeSpec(Prefix.parse("0.0.0.0/0"), 0, 0), new PrefixRangeSpec(Prefix.parse("192.0.2.0/24"), 26, 32)),
                List.of(new StandardCommunity(65000, 1), new StandardCommunity(0xFFFF, 0xFF01)),
                List.of(new StandardCommunity(0xFFFF, 666)),
                List.of(new LargeCommunitySpec(4_200_000_000L, 1, 2)),
                List.of(new LargeCommunitySpec(1, 2, 3)),
                Optional.of(new AsPathLengthSpec(AsPathLengthSpec.Comparison.LE, 3)),
                OptionalLong.of(64512), OptionalLong.of(4_200_000_000L),
                List.of(Prefix.parse("192.0.2.1/32"), Prefix.parse("198.51.100.0/24")),
                OptionalLong.of(65100));
        List<ActionSpec> expectedActions = List.of(
                new ActionSpec.SetLocalPref(200), new ActionSpec.SetMed(10),
                new ActionSpec.AddCommunities(List.of(new StandardCommunity(65001, 100))),
                new ActionSpec.RemoveCommunities(List.of(new StandardCommunity(65001, 200))),
                new ActionSpec.AddLargeCommunities(List.of(new LargeCommunitySpec(65001, 1, 1))),
                new ActionSpec.RemoveLargeCommunities(List.of(new LargeCommunitySpec(65001, 1, 2))),
                new ActionSpec.Prepend(OptionalLong.empty(), 2),
                new ActionSpec.Prepend(OptionalLong.of(65009), 3));
        assertThat(p).isEqualTo(new PolicySpec("in", List.of(
                new RuleSpec("all-conditions", expectedMatch, expectedActions, VerdictSpec.CONTINUE),
                new RuleSpec("2", MatchSpec.ANY, List.of(), VerdictSpec.REJECT)), VerdictSpec.ACCEPT));
    }

    @Test
    void policyDefaults_rejectAtTheEnd_acceptPerRule() throws ConfigException {
        PolicySpec p = load(Configs.NODE + """
                policies:
                  out:
                    rules:
                      - match: {prefixes: [10.240.0.0/16 le 24]}
                """).state().policies().get("out");
        assertThat(p.defaultVerdict()).isEqualTo(VerdictSpec.REJECT);
        assertThat(p.rules().getFirst().then()).isEqualTo(VerdictSpec.ACCEPT);
        assertThat(p.rules().getFirst().name()).isEqualTo("1");
    }

    @Test
    void asPathLengthOperators() {
        assertThat(AsPathLengthSpec.parse("2")).isEqualTo(new AsPathLengthSpec(AsPathLengthSpec.Comparison.EQ, 2));
        assertThat(AsPathLengthSpec.parse(">=2")).isEqualTo(new AsPathLengthSpec(AsPathLengthSpec.Comparison.GE, 2));
        assertThat(AsPathLengthSpec.parse("> 5")).isEqualTo(new AsPathLengthSpec(AsPathLengthSpec.Comparison.GT, 5));
        assertThat(AsPathLengthSpec.parse("!= 0")).isEqualTo(new AsPathLengthSpec(AsPathLengthSpec.Comparison.NE, 0));
        assertThat(AsPathLengthSpec.parse("< 1")).isEqualTo(new AsPathLengthSpec(AsPathLengthSpec.Comparison.LT, 1));
    }

    @Test
    void duplicateRuleName() {
        assertThat(Configs.problems(Configs.NODE + """
                policies:
                  p:
                    rules:
                      - {name: a}
                      - {name: a}
                """)).containsExactly("podbgp.yaml:8:9: policies.p.rules[1]: rule name 'a' is used twice in policy p");
    }
}
