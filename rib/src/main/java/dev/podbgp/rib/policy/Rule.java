package dev.podbgp.rib.policy;

import java.util.List;

/**
 * One policy rule: when {@code match} holds, run {@code actions} in order, then follow
 * {@code verdict}. The name is what {@code show routes} prints for a rejected route.
 */
public record Rule(String name, Match match, List<Action> actions, Verdict verdict) {

    public Rule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rule needs a name");
        }
        actions = List.copyOf(actions);
    }

    public static Rule accept(String name, Match match, Action... actions) {
        return new Rule(name, match, List.of(actions), Verdict.ACCEPT);
    }

    public static Rule reject(String name, Match match) {
        return new Rule(name, match, List.of(), Verdict.REJECT);
    }

    public static Rule modify(String name, Match match, Action... actions) {
        return new Rule(name, match, List.of(actions), Verdict.CONTINUE);
    }
}
