package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.attr.PathAttributes;

/** The outcome of evaluating a route: taken with (possibly changed) attributes, or dropped and by what. */
public sealed interface PolicyResult {

    record Accepted(PathAttributes attributes) implements PolicyResult {
    }

    /**
     * Dropped by {@code by}: a rule's name with {@code ruleIndex} its 0-based position, or a
     * safe default or the policy's default verdict with {@code ruleIndex} -1.
     * {@code reason} is one line for operators.
     */
    record Rejected(String by, int ruleIndex, String reason) implements PolicyResult {
        public static final int NOT_A_RULE = -1;
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
