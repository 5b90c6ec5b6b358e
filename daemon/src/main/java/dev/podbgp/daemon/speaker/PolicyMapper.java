package dev.podbgp.daemon.speaker;

import dev.podbgp.config.ActionSpec;
import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.MatchSpec;
import dev.podbgp.config.MaxPrefixSpec;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.PrefixRangeSpec;
import dev.podbgp.config.RuleSpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.config.VerdictSpec;
import dev.podbgp.rib.policy.Action;
import dev.podbgp.rib.policy.Community;
import dev.podbgp.rib.policy.Comparison;
import dev.podbgp.rib.policy.LargeCommunity;
import dev.podbgp.rib.policy.Match;
import dev.podbgp.rib.policy.MaxPrefixLimit;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.PrefixRange;
import dev.podbgp.rib.policy.Rule;
import dev.podbgp.rib.policy.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the config's policy records into the RIB's. The two sets of records are kept apart on
 * purpose (DESIGN: {@code config} depends on inet only), so this is the one place that knows
 * both; every field of a spec has its counterpart, nothing is dropped.
 */
public final class PolicyMapper {

    private PolicyMapper() {
    }

    public static Policy policy(PolicySpec spec) {
        List<Rule> rules = new ArrayList<>();
        for (RuleSpec r : spec.rules()) {
            rules.add(new Rule(r.name(), match(r.match()), r.actions().stream().map(PolicyMapper::action).toList(),
                    verdict(r.then())));
        }
        return new Policy(spec.name(), rules, verdict(spec.defaultVerdict()));
    }

    /** Every condition of the spec must hold; a condition listing several neighbours needs one of them. */
    static Match match(MatchSpec m) {
        List<Match> all = new ArrayList<>();
        if (!m.prefixes().isEmpty()) {
            all.add(new Match.PrefixIn(m.prefixes().stream().map(PolicyMapper::range).toList()));
        }
        if (!m.communityAnyOf().isEmpty()) {
            all.add(new Match.CommunityAnyOf(communities(m.communityAnyOf())));
        }
        if (!m.communityAllOf().isEmpty()) {
            all.add(new Match.CommunityAllOf(communities(m.communityAllOf())));
        }
        if (!m.largeCommunityAnyOf().isEmpty()) {
            all.add(new Match.LargeCommunityAnyOf(large(m.largeCommunityAnyOf())));
        }
        if (!m.largeCommunityAllOf().isEmpty()) {
            all.add(new Match.LargeCommunityAllOf(large(m.largeCommunityAllOf())));
        }
        m.asPathLength().ifPresent(l -> all.add(new Match.AsPathLength(Comparison.valueOf(l.comparison().name()), l.length())));
        m.asPathContains().ifPresent(asn -> all.add(new Match.AsPathContains(asn)));
        m.originAs().ifPresent(asn -> all.add(new Match.OriginAs(asn)));
        if (!m.neighbor().isEmpty()) {
            all.add(new Match.AnyOf(m.neighbor().stream().<Match>map(Match.NeighborAddress::new).toList()));
        }
        m.neighborAs().ifPresent(asn -> all.add(new Match.NeighborAs(asn)));
        return switch (all.size()) {
            case 0 -> new Match.Any();
            case 1 -> all.getFirst();
            default -> new Match.AllOf(all);
        };
    }

    static Action action(ActionSpec a) {
        return switch (a) {
            case ActionSpec.SetLocalPref s -> new Action.SetLocalPref(s.value());
            case ActionSpec.SetMed s -> new Action.SetMed(s.value());
            case ActionSpec.AddCommunities c -> new Action.AddCommunities(communities(c.communities()));
            case ActionSpec.RemoveCommunities c -> new Action.RemoveCommunities(communities(c.communities()));
            case ActionSpec.AddLargeCommunities c -> new Action.AddLargeCommunities(large(c.communities()));
            case ActionSpec.RemoveLargeCommunities c -> new Action.RemoveLargeCommunities(large(c.communities()));
            case ActionSpec.Prepend p -> new Action.Prepend(p.asn(), p.times());
        };
    }

    static Verdict verdict(VerdictSpec v) {
        return switch (v) {
            case ACCEPT -> Verdict.ACCEPT;
            case REJECT -> Verdict.REJECT;
            case CONTINUE -> Verdict.CONTINUE;
        };
    }

    public static MaxPrefixLimit maxPrefix(MaxPrefixSpec spec) {
        MaxPrefixLimit.OnExceed onExceed = switch (spec.onExceed()) {
            case MaxPrefixSpec.Teardown t -> new MaxPrefixLimit.Teardown(t.restartAfter());
            case MaxPrefixSpec.StopAccepting s -> new MaxPrefixLimit.StopAccepting();
        };
        return new MaxPrefixLimit(spec.limit(), spec.warningPercent(), onExceed);
    }

    private static PrefixRange range(PrefixRangeSpec r) {
        return new PrefixRange(r.prefix(), r.ge(), r.le());
    }

    private static List<Community> communities(List<StandardCommunity> cs) {
        return cs.stream().map(c -> Community.of(c.high(), c.low())).toList();
    }

    private static List<LargeCommunity> large(List<LargeCommunitySpec> cs) {
        return cs.stream().map(c -> new LargeCommunity(c.global(), c.local1(), c.local2())).toList();
    }
}
