package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.config.NextHopSpec;
import dev.podbgp.fib.link.InterfaceAddress;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.rib.out.SelfNextHops;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Our next hops for one session, per family: the session's local address for its own family; for the other
 * family, a global address of the interface that holds the local address; and, for IPv6 to a peer on that
 * interface's link, the interface's link-local address (RFC 2545 §3). The peer's {@code nextHop} setting
 * replaces what was found, family by family. A pure function of what the kernel said, so it is tested
 * without one.
 */
final class SessionNextHops {

    private SessionNextHops() {
    }

    /**
     * @param local the session's local address; empty when the socket has none (then only {@code configured})
     * @param addresses the node's addresses in kernel order (primary first)
     * @param negotiated the session's families: only theirs are kept, so two IPv4-only sessions on different
     *     links still share an update group (a link-local address differs per link)
     */
    static SelfNextHops choose(Optional<IpAddress> local, IpAddress peer, List<InterfaceAddress> addresses,
            NextHopSpec configured, Set<Family> negotiated) {
        List<InterfaceAddress> link = local.map(l -> onInterfaceOf(l, addresses)).orElse(List.of());
        Ipv4Address ipv4 = local.filter(Ipv4Address.class::isInstance).map(Ipv4Address.class::cast)
                .or(() -> first(link, Ipv4Address.class, false)).orElse(null);
        Ipv6Address ipv6 = local.filter(SessionNextHops::globalIpv6).map(Ipv6Address.class::cast)
                .or(() -> first(link, Ipv6Address.class, false)).orElse(null);
        Ipv6Address linkLocal = null;
        if (sharesLink(peer, link)) {
            linkLocal = local.filter(l -> l instanceof Ipv6Address v6 && v6.isLinkLocal()).map(Ipv6Address.class::cast)
                    .or(() -> first(link, Ipv6Address.class, true)).orElse(null);
        }
        boolean v4 = negotiated.contains(Family.IPV4_UNICAST);
        boolean v6 = negotiated.contains(Family.IPV6_UNICAST);
        return new SelfNextHops(v4 ? configured.ipv4().orElse(ipv4) : null, v6 ? configured.ipv6().orElse(ipv6) : null,
                v6 ? linkLocal : null);
    }

    /** The negotiated families our own routes cannot go out in, for want of a next hop of their family. */
    static List<Family> withoutNextHop(SelfNextHops self, Set<Family> negotiated) {
        List<Family> out = new ArrayList<>();
        if (negotiated.contains(Family.IPV4_UNICAST) && self.ipv4() == null) {
            out.add(Family.IPV4_UNICAST);
        }
        if (negotiated.contains(Family.IPV6_UNICAST) && self.ipv6() == null) {
            out.add(Family.IPV6_UNICAST);
        }
        return out;
    }

    /** Every address of the interface that holds {@code local}; none when no interface does. */
    private static List<InterfaceAddress> onInterfaceOf(IpAddress local, List<InterfaceAddress> addresses) {
        for (InterfaceAddress a : addresses) {
            if (a.address().equals(local)) {
                return addresses.stream().filter(b -> b.ifindex() == a.ifindex()).toList();
            }
        }
        return List.of();
    }

    private static <A extends IpAddress> Optional<A> first(List<InterfaceAddress> link, Class<A> family, boolean linkLocal) {
        return link.stream()
                .filter(a -> family.isInstance(a.address()) && a.stable() && (linkLocal ? a.linkLocal() : a.global()))
                .map(a -> family.cast(a.address())).findFirst();
    }

    private static boolean globalIpv6(IpAddress a) {
        return a instanceof Ipv6Address v6 && !v6.isLinkLocal();
    }

    /**
     * RFC 2545 §3: the link-local next hop only for a peer on our link. It is when its address is in the on-link
     * prefix of one of the interface's addresses, or is itself link-local (a session over fe80::).
     */
    private static boolean sharesLink(IpAddress peer, List<InterfaceAddress> link) {
        if (peer instanceof Ipv6Address v6 && v6.isLinkLocal()) {
            return !link.isEmpty();
        }
        return link.stream().anyMatch(a -> a.global() && a.onSubnet(peer));
    }
}
