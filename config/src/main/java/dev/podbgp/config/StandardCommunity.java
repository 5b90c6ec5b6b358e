package dev.podbgp.config;

import java.util.Map;

/** An RFC 1997 community {@code high:low}, or one of its well-known names. */
public record StandardCommunity(int high, int low) {
    /** RFC 1997 §"Well-known Communities" and RFC 7999 §5 (blackhole). */
    private static final Map<String, StandardCommunity> WELL_KNOWN = Map.of(
            "no-export", new StandardCommunity(0xFFFF, 0xFF01),
            "no-advertise", new StandardCommunity(0xFFFF, 0xFF02),
            "no-export-subconfed", new StandardCommunity(0xFFFF, 0xFF03),
            "blackhole", new StandardCommunity(0xFFFF, 666));

    public StandardCommunity {
        if (high >>> 16 != 0 || low >>> 16 != 0) {
            throw new IllegalArgumentException("community " + high + ":" + low + " needs two parts in 0..65535");
        }
    }

    public static StandardCommunity parse(String text) {
        StandardCommunity known = WELL_KNOWN.get(text);
        if (known != null) {
            return known;
        }
        String[] p = text.split(":", -1);
        if (p.length != 2 || !Numbers.isDigits(p[0]) || !Numbers.isDigits(p[1])) {
            throw new IllegalArgumentException("'" + text + "' is not a community (asn:value, or no-export, "
                    + "no-advertise, no-export-subconfed, blackhole)");
        }
        long high = Numbers.parse(p[0]);
        long low = Numbers.parse(p[1]);
        if (high > 0xFFFF || low > 0xFFFF) {
            throw new IllegalArgumentException("'" + text + "' needs two parts in 0..65535; use a large community for 32-bit ASNs");
        }
        return new StandardCommunity((int) high, (int) low);
    }

    @Override
    public String toString() {
        return high + ":" + low;
    }
}
