package dev.podbgp.k8s.mapping;

import java.util.Optional;

/** The AS numbers a session may use, as the YAML reader accepts them (docs/config.md). */
final class Asns {
    private Asns() {
    }

    /** Why {@code asn} cannot be used, or empty when it can. */
    static Optional<String> refusal(long asn) {
        if (asn < 1 || asn > 0xFFFF_FFFFL) {
            // RFC 7607: AS 0 is never used in a session.
            return Optional.of(asn + " is not an AS number in 1..4294967295");
        }
        if (asn == 23456) {
            return Optional.of(asn + " is AS_TRANS (RFC 6793), not a real AS number");
        }
        if (asn == 65535 || asn == 0xFFFF_FFFFL) {
            return Optional.of(asn + " is reserved (RFC 7300)");
        }
        return Optional.empty();
    }
}
