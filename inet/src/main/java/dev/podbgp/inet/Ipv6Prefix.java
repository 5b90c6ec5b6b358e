package dev.podbgp.inet;

/** An IPv6 prefix: the two address words and a length; host bits are always zero. */
public record Ipv6Prefix(long high, long low, int length) implements Prefix {

    public static final Ipv6Prefix DEFAULT = new Ipv6Prefix(0, 0, 0);

    public Ipv6Prefix {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("IPv6 prefix length " + length + " is outside 0..128");
        }
        if ((high & ~highMask(length)) != 0 || (low & ~lowMask(length)) != 0) {
            throw new IllegalArgumentException(new Ipv6Address(high, low) + "/" + length
                    + " has host bits set (network is " + masked(high, low, length) + ")");
        }
    }

    static long highMask(int length) {
        return length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
    }

    static long lowMask(int length) {
        return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
    }

    public static Ipv6Prefix masked(long high, long low, int length) {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("IPv6 prefix length " + length + " is outside 0..128");
        }
        return new Ipv6Prefix(high & highMask(length), low & lowMask(length), length);
    }

    public static Ipv6Prefix parse(String text) {
        int slash = text.indexOf('/');
        int length = Prefix.parseLength(text, slash, 128);
        Ipv6Address a = Ipv6Address.parse(text.substring(0, slash));
        if ((a.high() & ~highMask(length)) != 0 || (a.low() & ~lowMask(length)) != 0) {
            throw new InetParseException(text, "has host bits set (did you mean "
                    + masked(a.high(), a.low(), length) + "?)");
        }
        return new Ipv6Prefix(a.high(), a.low(), length);
    }

    public static Ipv6Prefix parseMasked(String text) {
        int slash = text.indexOf('/');
        int length = Prefix.parseLength(text, slash, 128);
        Ipv6Address a = Ipv6Address.parse(text.substring(0, slash));
        return masked(a.high(), a.low(), length);
    }

    @Override
    public AddressFamily family() {
        return AddressFamily.IPV6;
    }

    @Override
    public Ipv6Address address() {
        return new Ipv6Address(high, low);
    }

    @Override
    public boolean contains(IpAddress address) {
        return address instanceof Ipv6Address a
                && (a.high() & highMask(length)) == high
                && (a.low() & lowMask(length)) == low;
    }

    @Override
    public boolean contains(Prefix other) {
        return other instanceof Ipv6Prefix p
                && p.length >= length
                && (p.high & highMask(length)) == high
                && (p.low & lowMask(length)) == low;
    }

    /** See {@link ValueHash}: prefixes of one allocation differ in a few middle bits only. */
    @Override
    public int hashCode() {
        return ValueHash.of(high, low, length);
    }

    @Override
    public String toString() {
        return new Ipv6Address(high, low) + "/" + length;
    }
}
