package dev.podbgp.lab.peer;

/** An RFC 1997 community, written {@code asn:value} as all four daemons print it. */
public record Community(int asn, int value) {
    public Community {
        if (asn < 0 || asn > 0xFFFF || value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("community halves are 16-bit: " + asn + ":" + value);
        }
    }

    public static Community parse(String text) {
        int colon = text.indexOf(':');
        return new Community(Integer.parseInt(text.substring(0, colon).trim()), Integer.parseInt(text.substring(colon + 1).trim()));
    }

    /** From the 32-bit value (GoBGP's JSON prints communities as numbers). */
    public static Community ofBits(long bits) {
        return new Community((int) (bits >>> 16) & 0xFFFF, (int) bits & 0xFFFF);
    }

    @Override
    public String toString() {
        return asn + ":" + value;
    }
}
