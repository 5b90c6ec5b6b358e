package dev.podbgp.config;

import java.util.List;

/** One rule: when {@code match} holds, run {@code actions} in order, then {@code then}. The name defaults to its 1-based position. */
public record RuleSpec(String name, MatchSpec match, List<ActionSpec> actions, VerdictSpec then) {
    public RuleSpec {
        actions = List.copyOf(actions);
    }
}
