package dev.podbgp.inet;

/**
 * An IPv4 prefix: address bits and length. The compact constructor refuses host bits, so
 * every instance is canonical and {@code equals} is value equality of routes.
 */
public record Ipv4Prefix(int bits, int length) implements Prefix {

    public static final Ipv4Prefix DEFAULT = new Ipv4Prefix(0, 0);

    public Ipv4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("IPv4 prefix length " + length + " is outside 0..32");
        }
        if ((bits & ~mask(length)) != 0) {
            throw new IllegalArgumentException(
                    new Ipv4Address(bits) + "/" + length + " has host bits set (network is "
                            + new Ipv4Address(bits & mask(length)) + "/" + length + ")");
        }
    }

    /** The netmask of a length as an int: 24 gives 0xffffff00. */
    public static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    public static Ipv4Prefix masked(int bits, int length) {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("IPv4 prefix length " + length + " is outside 0..32");
        }
        return new Ipv4Prefix(bits & mask(length), length);
    }

    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        int length = Prefix.parseLength(text, slash, 32);
        int bits = Ipv4Address.parseBits(text, 0, slash, text);
        if ((bits & ~mask(length)) != 0) {
            throw new InetParseException(text, "has host bits set (did you mean "
                    + new Ipv4Address(bits & mask(length)) + "/" + length + "?)");
        }
        return new Ipv4Prefix(bits, length);
    }

    public static Ipv4Prefix parseMasked(String text) {
        int slash = text.indexOf('/');
        int length = Prefix.parseLength(text, slash, 32);
        return masked(Ipv4Address.parseBits(text, 0, slash, text), length);
    }

    /**
     * Packs the prefix into one {@code long}: address in bits 8..39, length in bits 0..7.
     * Unsigned order of the packed values equals the order of the prefixes.
     */
    public long toLong() {
        return pack(bits, length);
    }

    public static long pack(int bits, int length) {
        return (bits & 0xFFFF_FFFFL) << 8 | length;
    }

    public static Ipv4Prefix fromLong(long packed) {
        return new Ipv4Prefix((int) (packed >>> 8), (int) (packed & 0xff));
    }

    /** See {@link ValueHash}: the generated hash of a record puts a run of /24s in few buckets. */
    @Override
    public int hashCode() {
        return ValueHash.of(toLong());
    }

    @Override
    public AddressFamily family() {
        return AddressFamily.IPV4;
    }

    @Override
    public Ipv4Address address() {
        return new Ipv4Address(bits);
    }

    @Override
    public boolean contains(IpAddress address) {
        return address instanceof Ipv4Address a && (a.bits() & mask(length)) == bits;
    }

    @Override
    public boolean contains(Prefix other) {
        return other instanceof Ipv4Prefix p && p.length >= length && (p.bits & mask(length)) == bits;
    }

    @Override
    public String toString() {
        return new Ipv4Address(bits) + "/" + length;
    }
}
