package dev.podbgp.config.yaml;

import java.util.Optional;

/** Reading an AS number, with the reserved values named. */
final class AsNumbers {
    /** RFC 6793 §9: AS_TRANS stands in for a 4-octet AS in a 2-octet field; no peer really has it. */
    static final long AS_TRANS = 23456;

    private AsNumbers() {
    }

    static Optional<Long> read(YamlValue v) {
        return v.integer(0, Long.MAX_VALUE, "a valid AS number").flatMap(a -> valid(v, a));
    }

    /** {@code text} (one end of an AS range) as an AS number; an error at {@code v} when it is none. */
    static Optional<Long> parse(YamlValue v, String text) {
        try {
            return valid(v, Long.parseLong(text));
        } catch (NumberFormatException e) {
            v.error("'" + text + "' is not a valid AS number");
            return Optional.empty();
        }
    }

    private static Optional<Long> valid(YamlValue v, long a) {
        Optional<Long> asn = Optional.of(a);
        // RFC 7607: AS 0 must not be used in a session; RFC 7300 reserves 65535 and 4294967295.
        if (a == 0 || a > 0xFFFF_FFFFL) {
            v.error(a + " is not a valid AS number");
        } else if (a == AS_TRANS) {
            v.error(a + " is AS_TRANS (RFC 6793), not a real AS number");
        } else if (a == 65535 || a == 0xFFFF_FFFFL) {
            v.error(a + " is reserved (RFC 7300) and not a valid AS number");
        } else {
            return asn;
        }
        return Optional.empty();
    }
}
