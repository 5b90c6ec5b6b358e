package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.util.Objects;

/**
 * What one peer says about one prefix. The prefix itself is the key of the table the route
 * sits in, so it is not repeated here (DESIGN "Memory and speed": nothing per route beyond what
 * the path needs). Four references and an int: still 32 bytes with compressed oops, and the RIB
 * shares one instance among all prefixes with an equal route ({@link RouteInterner}), so code
 * must compare routes with {@code equals}, never rely on two prefixes holding distinct objects.
 * A prefix with only this route holds it as its table entry ({@code PrefixEntry}).
 *
 * @param peer who sent it ({@link PeerInfo#local} for originated routes)
 * @param pathId the ADD-PATH path identifier (RFC 7911 §3), 0 without ADD-PATH
 * @param attributes interned by {@link AttributeInterner}, without the MP_REACH/MP_UNREACH carriers
 * @param nextHop the next hop, from NEXT_HOP or MP_REACH_NLRI (for IPv6 the global address)
 * @param linkLocalNextHop the link-local next hop a directly connected peer sent beside the global one (RFC 2545
 *     §3, MP_REACH next hop of 32 octets), or {@code null}: the FIB forwards through it on the session's
 *     interface, as the peer expects; best path and re-advertisement use {@link #nextHop}
 */
public record Route(PeerInfo peer, int pathId, PathAttributes attributes, IpAddress nextHop, Ipv6Address linkLocalNextHop)
        implements PrefixEntry {

    public Route {
        if (linkLocalNextHop != null && !linkLocalNextHop.isLinkLocal()) {
            throw new IllegalArgumentException(linkLocalNextHop + " is not a link-local address");
        }
    }

    /** A route with only the one next hop. */
    public Route(PeerInfo peer, int pathId, PathAttributes attributes, IpAddress nextHop) {
        this(peer, pathId, attributes, nextHop, null);
    }

    /** RFC 9494 §4.3: a route marked LLGR_STALE is retained but least preferred. */
    public boolean isLlgrStale() {
        Communities c = attributes.communities();
        return c != null && c.contains(Communities.LLGR_STALE);
    }

    public Route withAttributes(PathAttributes newAttributes) {
        return new Route(peer, pathId, newAttributes, nextHop, linkLocalNextHop);
    }

    /** The route through another next hop; the link-local companion of the old one does not carry over. */
    public Route withNextHop(IpAddress newNextHop) {
        return new Route(peer, pathId, attributes, newNextHop, null);
    }

    /**
     * Whether packets for this route and {@code other} leave the same way: same peer (so the same session and
     * interface), next hop and link-local next hop. What the FIB installs depends on nothing else.
     */
    public boolean forwardsLike(Route other) {
        return peer.id() == other.peer.id() && nextHop.equals(other.nextHop)
                && Objects.equals(linkLocalNextHop, other.linkLocalNextHop);
    }
}
