package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.attr.Communities;

/** One RFC 1997 community, written {@code asn:value} with 16 bits each. */
public record Community(int value) {

    public static Community of(int high, int low) {
        if (high >>> 16 != 0 || low >>> 16 != 0) {
            throw new IllegalArgumentException("community " + high + ":" + low + " needs two 16-bit halves");
        }
        return new Community(Communities.community(high, low));
    }

    public static Community parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a community (asn:value)");
        }
        return of(Integer.parseInt(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
    }

    boolean in(Communities attribute) {
        return attribute != null && attribute.contains(value);
    }

    @Override
    public String toString() {
        return (value >>> 16) + ":" + (value & 0xffff);
    }
}
