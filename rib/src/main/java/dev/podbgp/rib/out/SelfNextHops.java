package dev.podbgp.rib.out;

import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;

/**
 * Our own addresses that a peer can use as next hop for the routes we set next hop self on, one per
 * family, found when the session comes up (its local address, the node's addresses of the other family
 * on the session's interface, or the peer's {@code nextHop} setting).
 *
 * @param ipv4 the next hop for IPv4 routes (RFC 4271 §5.1.3); null when we have none
 * @param ipv6 the global next hop for IPv6 routes (RFC 2545 §3); null when we have none
 * @param ipv6LinkLocal our link-local address on the link to the peer, sent after {@code ipv6} (a 32-octet
 *     next hop) only when the peer shares that link (RFC 2545 §3); null otherwise
 */
public record SelfNextHops(Ipv4Address ipv4, Ipv6Address ipv6, Ipv6Address ipv6LinkLocal) {

    public static final SelfNextHops NONE = new SelfNextHops(null, null, null);

    public SelfNextHops {
        if (ipv6LinkLocal != null && !ipv6LinkLocal.isLinkLocal()) {
            throw new IllegalArgumentException(ipv6LinkLocal + " is not a link-local address");
        }
    }

    /** Just the session's own address: what a session knows before the node's other addresses are looked up. */
    public static SelfNextHops of(Ipv4Address ipv4, Ipv6Address ipv6) {
        return new SelfNextHops(ipv4, ipv6, null);
    }
}
