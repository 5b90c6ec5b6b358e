package dev.podbgp.inet;

/**
 * An IPv4 or IPv6 prefix whose host bits are zero. Ordered IPv4 first, then by address,
 * then shorter first, so a sorted list reads like a routing table.
 */
public sealed interface Prefix extends Comparable<Prefix> permits Ipv4Prefix, Ipv6Prefix {

    AddressFamily family();

    /** The network address (host bits zero). */
    IpAddress address();

    /** Prefix length in bits. */
    int length();

    boolean contains(IpAddress address);

    /** True when {@code other} is this prefix or a more-specific one inside it. */
    boolean contains(Prefix other);

    /** True when the two prefixes share any address: one contains the other. */
    default boolean overlaps(Prefix other) {
        return contains(other) || other.contains(this);
    }

    /**
     * Parses {@code address/length}. Host bits must be zero: {@code 10.0.0.1/24} is refused
     * with a message naming {@code 10.0.0.0/24}, since a typo in a podCIDR should stop the
     * daemon, not be silently rounded.
     */
    static Prefix parse(String text) {
        return text.indexOf(':') >= 0 ? Ipv6Prefix.parse(text) : Ipv4Prefix.parse(text);
    }

    /** Parses {@code address/length} and clears any host bits. */
    static Prefix parseMasked(String text) {
        return text.indexOf(':') >= 0 ? Ipv6Prefix.parseMasked(text) : Ipv4Prefix.parseMasked(text);
    }

    /** The prefix of {@code length} bits that contains {@code address}. */
    static Prefix of(IpAddress address, int length) {
        return switch (address) {
            case Ipv4Address a -> Ipv4Prefix.masked(a.bits(), length);
            case Ipv6Address a -> Ipv6Prefix.masked(a.high(), a.low(), length);
        };
    }

    @Override
    default int compareTo(Prefix other) {
        int c = address().compareTo(other.address());
        return c != 0 ? c : Integer.compare(length(), other.length());
    }

    /** Splits "addr/len" and checks the length; returns the length, or throws. */
    static int parseLength(String text, int slash, int max) {
        if (slash < 0) {
            throw new InetParseException(text, "is not a prefix (expected address/length)");
        }
        int len = 0;
        int digits = text.length() - slash - 1;
        if (digits < 1 || digits > 3) {
            throw new InetParseException(text, "has no valid prefix length");
        }
        for (int i = slash + 1; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new InetParseException(text, "has no valid prefix length");
            }
            len = len * 10 + (ch - '0');
        }
        if (len > max) {
            throw new InetParseException(text, "has a prefix length above " + max);
        }
        return len;
    }
}
