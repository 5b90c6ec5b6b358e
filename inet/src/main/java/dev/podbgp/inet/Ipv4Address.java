package dev.podbgp.inet;

/** An IPv4 address held in one {@code int}, network bit order (the first octet is the top byte). */
public record Ipv4Address(int bits) implements IpAddress {

    public static final Ipv4Address ANY = new Ipv4Address(0);

    public static Ipv4Address of(int a, int b, int c, int d) {
        for (int octet : new int[] {a, b, c, d}) {
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("octet " + octet + " is outside 0..255");
            }
        }
        return new Ipv4Address(a << 24 | b << 16 | c << 8 | d);
    }

    public static Ipv4Address ofBytes(byte[] bytes, int offset) {
        return new Ipv4Address(readInt(bytes, offset));
    }

    static int readInt(byte[] b, int o) {
        return (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
    }

    /**
     * Parses dotted-quad text. Only the four-part decimal form is accepted: the historic
     * shorthand ({@code 10.1}) and leading zeros ({@code 010.0.0.1}, octal to some libc
     * parsers) are refused because they mean different things to different tools.
     */
    public static Ipv4Address parse(String text) {
        int value = parseBits(text, 0, text.length(), text);
        return new Ipv4Address(value);
    }

    static int parseBits(String s, int from, int to, String whole) {
        int value = 0;
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int octet = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                if (octet > 255) {
                    throw new InetParseException(whole, "has an IPv4 octet above 255");
                }
                i++;
            }
            int digits = i - start;
            if (digits == 0) {
                throw new InetParseException(whole, "is not an IPv4 address (expected four decimal octets a.b.c.d)");
            }
            if (digits > 1 && s.charAt(start) == '0') {
                throw new InetParseException(whole, "has an IPv4 octet with a leading zero");
            }
            value = value << 8 | octet;
            parts++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                throw new InetParseException(whole, "is not an IPv4 address (expected four decimal octets a.b.c.d)");
            }
            i++;
        }
        if (parts != 4) {
            throw new InetParseException(whole, "is not an IPv4 address (expected four decimal octets a.b.c.d)");
        }
        return value;
    }

    @Override
    public AddressFamily family() {
        return AddressFamily.IPV4;
    }

    @Override
    public byte[] toBytes() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    /** The address as an unsigned number, 0..2^32-1. */
    public long toUnsignedLong() {
        return bits & 0xFFFF_FFFFL;
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
    }
}
