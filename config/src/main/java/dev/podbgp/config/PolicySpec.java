package dev.podbgp.config;

import java.util.List;

/**
 * A named import or export policy: the first rule that matches with {@code then: accept} or
 * {@code then: reject} decides; {@code then: continue} rules only run their actions.
 *
 * @param defaultVerdict what happens to a route no rule decided: reject unless stated, as a
 *                       route-map's implicit deny in FRR or the end of a BIRD filter
 */
public record PolicySpec(String name, List<RuleSpec> rules, VerdictSpec defaultVerdict) {
    public PolicySpec {
        rules = List.copyOf(rules);
        if (defaultVerdict == VerdictSpec.CONTINUE) {
            throw new IllegalArgumentException("a policy's default is accept or reject");
        }
    }
}
