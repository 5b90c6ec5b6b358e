package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Prefix;
import java.util.List;

/**
 * An ordered list of rules and what happens to a route no rule stops: the first matching
 * rule whose verdict is ACCEPT or REJECT decides; CONTINUE rules only change attributes.
 */
public record Policy(String name, List<Rule> rules, Verdict defaultVerdict) {

    /** The name a default rejection is reported under. */
    public static final String DEFAULT = "default";

    public Policy {
        rules = List.copyOf(rules);
        if (defaultVerdict == Verdict.CONTINUE) {
            throw new IllegalArgumentException("the default verdict of a policy is ACCEPT or REJECT");
        }
    }

    /** No rules, everything accepted unchanged. */
    public static Policy acceptAll(String name) {
        return new Policy(name, List.of(), Verdict.ACCEPT);
    }

    public PolicyResult evaluate(Prefix prefix, PathAttributes attributes, PolicyContext context) {
        PathAttributes current = attributes;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!rule.match().matches(prefix, current, context)) {
                continue;
            }
            if (rule.verdict() == Verdict.REJECT) {
                return new PolicyResult.Rejected(rule.name(), i, "rejected by rule " + rule.name() + " of policy " + name);
            }
            for (Action a : rule.actions()) {
                current = a.apply(current, context);
            }
            if (rule.verdict() == Verdict.ACCEPT) {
                return new PolicyResult.Accepted(current);
            }
        }
        return switch (defaultVerdict) {
            case ACCEPT -> new PolicyResult.Accepted(current);
            case REJECT, CONTINUE -> new PolicyResult.Rejected(DEFAULT, PolicyResult.Rejected.NOT_A_RULE,
                    "no rule of policy " + name + " accepted it");
        };
    }
}
