package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.util.Objects;

/**
 * One prefix as an update group sends it, and which peer the best route came from, so that
 * peer can be left out (split horizon) without a per-peer copy of the table.
 */
record Advert(PathAttributes attributes, IpAddress nextHop, Ipv6Address linkLocalNextHop, int sourceId) {

    /** True when the bytes on the wire would be the same; the source does not travel. */
    boolean sameOnWire(Advert other) {
        return other != null && nextHop.equals(other.nextHop)
                && Objects.equals(linkLocalNextHop, other.linkLocalNextHop) && attributes.equals(other.attributes);
    }

    /** What the member {@code peerId} gets: nothing when the route is its own. */
    static boolean visibleTo(Advert a, int peerId) {
        return a != null && a.sourceId != peerId;
    }
}
