package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;

/** What one peer gets for one prefix: an advertisement, or nothing and why. */
public sealed interface Outbound {

    /**
     * @param attributes what goes on the wire, without NEXT_HOP and MP attributes (the packer
     *     adds the one that carries {@code nextHop})
     * @param linkLocalNextHop for an IPv6 route with our own next hop to a peer on the same link, our
     *     link-local address after the global one (RFC 2545 §3); null otherwise
     */
    record Advertise(PathAttributes attributes, IpAddress nextHop, Ipv6Address linkLocalNextHop) implements Outbound {
    }

    record Suppressed(Suppression reason) implements Outbound {
    }
}
