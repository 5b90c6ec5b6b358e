package dev.podbgp.inet;

/** An IPv4 or IPv6 address. Ordered IPv4 first, then by unsigned numeric value. */
public sealed interface IpAddress extends Comparable<IpAddress> permits Ipv4Address, Ipv6Address {

    AddressFamily family();

    /** Network-order bytes: 4 for IPv4, 16 for IPv6. */
    byte[] toBytes();

    /** Parses either family; the presence of a ':' decides which. */
    static IpAddress parse(String text) {
        return text.indexOf(':') >= 0 ? Ipv6Address.parse(text) : Ipv4Address.parse(text);
    }

    /** Builds an address from 4 or 16 network-order bytes. */
    static IpAddress ofBytes(byte[] bytes) {
        return switch (bytes.length) {
            case 4 -> Ipv4Address.ofBytes(bytes, 0);
            case 16 -> Ipv6Address.ofBytes(bytes, 0);
            default -> throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
        };
    }

    @Override
    default int compareTo(IpAddress other) {
        return switch (this) {
            case Ipv4Address a when other instanceof Ipv4Address b -> Integer.compareUnsigned(a.bits(), b.bits());
            case Ipv6Address a when other instanceof Ipv6Address b -> {
                int c = Long.compareUnsigned(a.high(), b.high());
                yield c != 0 ? c : Long.compareUnsigned(a.low(), b.low());
            }
            default -> family().compareTo(other.family());
        };
    }
}
