package dev.podbgp.bgp.wire.attr;

import java.util.Arrays;

/**
 * One AS_PATH segment (RFC 4271 §4.3, RFC 5065 §3): its type and up to 255 AS numbers,
 * held as unsigned 32-bit values in an {@code int[]} that is never exposed or changed.
 */
public record AsPathSegment(Type type, int[] asns) {

    public enum Type {
        AS_SET(1),
        AS_SEQUENCE(2),
        AS_CONFED_SEQUENCE(3),
        AS_CONFED_SET(4);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public boolean isConfederation() {
            return this == AS_CONFED_SEQUENCE || this == AS_CONFED_SET;
        }

        public boolean isSet() {
            return this == AS_SET || this == AS_CONFED_SET;
        }

        static Type of(int code) {
            return code >= 1 && code <= 4 ? values()[code - 1] : null;
        }
    }

    /** RFC 4271 §4.3: the segment length field is one octet. */
    public static final int MAX_ASNS = 255;

    public AsPathSegment {
        if (asns.length == 0 || asns.length > MAX_ASNS) {
            throw new IllegalArgumentException("a segment holds 1 to 255 AS numbers, not " + asns.length);
        }
        asns = asns.clone();
    }

    public int size() {
        return asns.length;
    }

    /** The i-th AS number, unsigned. */
    public long asn(int i) {
        return asns[i] & 0xFFFF_FFFFL;
    }

    /** A copy of the AS numbers as unsigned values. */
    public long[] asnList() {
        long[] out = new long[asns.length];
        for (int i = 0; i < asns.length; i++) {
            out[i] = asns[i] & 0xFFFF_FFFFL;
        }
        return out;
    }

    int[] rawAsns() {
        return asns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsPathSegment s && s.type == type && Arrays.equals(s.asns, asns);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(asns);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(type.isSet() ? "{" : type.isConfederation() ? "(" : "");
        for (int i = 0; i < asns.length; i++) {
            if (i > 0) {
                sb.append(type.isSet() ? "," : " ");
            }
            sb.append(asn(i));
        }
        sb.append(type.isSet() ? "}" : type.isConfederation() ? ")" : "");
        return sb.toString();
    }
}
