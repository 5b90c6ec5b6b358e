package dev.podbgp.daemon.control;

import java.util.Optional;

/** What {@code podbgp clear neighbor} resets: the session, or only the routes one way (no reset). */
public enum ClearScope {
    /** Cease/Administrative Reset and a new session; an Idle session starts now. */
    HARD(null),
    /** A ROUTE-REFRESH: the peer sends its routes again (RFC 2918). */
    SOFT_IN("in"),
    /** Our routes to the peer sent again. */
    SOFT_OUT("out");

    private final String soft;

    ClearScope(String soft) {
        this.soft = soft;
    }

    /** The {@code --soft} word, and the control protocol's {@code "soft"} value; empty for {@link #HARD}. */
    public Optional<String> soft() {
        return Optional.ofNullable(soft);
    }

    /** From a {@code --soft} word; empty when it is neither {@code in} nor {@code out}. */
    public static Optional<ClearScope> ofSoft(String word) {
        for (ClearScope s : values()) {
            if (s.soft != null && s.soft.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
