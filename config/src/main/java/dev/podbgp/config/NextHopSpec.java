package dev.podbgp.config;

import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import java.util.Optional;

/**
 * A peer's {@code nextHop}: the address to send as next hop, per family, for the routes this node sets next
 * hop self on, in place of the one found on the session (its local address, or the node's address of the other
 * family on the session's interface).
 *
 * @param ipv4 for IPv4 routes; needed on an IPv6 session whose interface has no IPv4 address
 * @param ipv6 the global next hop for IPv6 routes (never link-local: that one is the interface's own)
 */
public record NextHopSpec(Optional<Ipv4Address> ipv4, Optional<Ipv6Address> ipv6) {

    public static final NextHopSpec NONE = new NextHopSpec(Optional.empty(), Optional.empty());

    public NextHopSpec {
        ipv6.filter(Ipv6Address::isLinkLocal).ifPresent(a -> {
            throw new IllegalArgumentException(a + " is link-local; give a global address (podbgp sends its own"
                    + " link-local on the session's interface next to it)");
        });
    }
}
