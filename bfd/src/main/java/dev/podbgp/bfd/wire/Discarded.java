package dev.podbgp.bfd.wire;

import java.util.Objects;

/**
 * A received Control packet refused, whoever refused it (the decoder, the session or the
 * authenticator): the rule, and what about this packet broke it, for one log line.
 */
public record Discarded(DiscardReason reason, String detail) implements DecodeResult {

    public Discarded {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return reason + " (RFC 5880 " + reason.clause() + "): " + detail;
    }
}
