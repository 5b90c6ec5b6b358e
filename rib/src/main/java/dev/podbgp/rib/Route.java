package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;

/**
 * What one peer says about one prefix. The prefix itself is the key of the table the route
 * sits in, so it is not repeated here (DESIGN "Memory and speed": nothing per route beyond what
 * the path needs). Three references and an int: 32 bytes with compressed oops, and the RIB
 * shares one instance among all prefixes with an equal route ({@link RouteInterner}), so code
 * must compare routes with {@code equals}, never rely on two prefixes holding distinct objects.
 * A prefix with only this route holds it as its table entry ({@code PrefixEntry}).
 *
 * @param peer who sent it ({@link PeerInfo#local} for originated routes)
 * @param pathId the ADD-PATH path identifier (RFC 7911 §3), 0 without ADD-PATH
 * @param attributes interned by {@link AttributeInterner}, without the MP_REACH/MP_UNREACH carriers
 * @param nextHop the next hop, from NEXT_HOP or MP_REACH_NLRI
 */
public record Route(PeerInfo peer, int pathId, PathAttributes attributes, IpAddress nextHop) implements PrefixEntry {

    /** RFC 9494 §4.3: a route marked LLGR_STALE is retained but least preferred. */
    public boolean isLlgrStale() {
        Communities c = attributes.communities();
        return c != null && c.contains(Communities.LLGR_STALE);
    }

    public Route withAttributes(PathAttributes newAttributes) {
        return new Route(peer, pathId, newAttributes, nextHop);
    }

    public Route withNextHop(IpAddress newNextHop) {
        return new Route(peer, pathId, attributes, newNextHop);
    }
}
