package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.capability.AddPath;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.ExtendedNextHop;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What two OPENs agree on: the codec context of the session and its hold time. Pure functions. */
public final class CapabilityNegotiation {

    private CapabilityNegotiation() {}

    public static SessionCapabilities negotiate(Open ours, Open theirs) {
        boolean fourOctetAs = ours.has(Capability.FOUR_OCTET_AS) && theirs.has(Capability.FOUR_OCTET_AS);
        boolean extendedMessage = ours.has(Capability.EXTENDED_MESSAGE) && theirs.has(Capability.EXTENDED_MESSAGE);
        Map<Family, Integer> ourAddPath = addPath(ours);
        Map<Family, Integer> theirAddPath = addPath(theirs);
        Set<Family> receive = new HashSet<>();
        Set<Family> send = new HashSet<>();
        // RFC 7911 §4: receive path ids where we can receive and they can send, and vice versa.
        ourAddPath.forEach((family, mine) -> {
            AddPath.Entry us = new AddPath.Entry(family, mine);
            AddPath.Entry them = new AddPath.Entry(family, theirAddPath.getOrDefault(family, 0));
            if (us.canReceive() && them.canSend()) {
                receive.add(family);
            }
            if (us.canSend() && them.canReceive()) {
                send.add(family);
            }
        });
        Set<ExtendedNextHop.Entry> common = extendedNextHops(ours);
        common.retainAll(extendedNextHops(theirs));
        Set<Family> extendedNextHop = new HashSet<>();
        for (ExtendedNextHop.Entry e : common) {
            // RFC 8950 §3: the tuple names the next hop's AFI; podbgp reads IPv6 next hops for IPv4 NLRI only.
            if (e.nlriFamily() != null && e.nextHopAfi() == Family.AFI_IPV6 && e.nlriAfi() == Family.AFI_IPV4) {
                extendedNextHop.add(e.nlriFamily());
            }
        }
        return new SessionCapabilities(fourOctetAs, receive, send, extendedMessage, extendedNextHop);
    }

    /** RFC 4271 §4.2: the smaller of both hold times; 0 (no keepalives) is a valid result. */
    public static int holdTime(Open ours, Open theirs) {
        return Math.min(ours.holdTime(), theirs.holdTime());
    }

    /**
     * Per family the last value advertised, skipping any ADD-PATH capability with a value
     * outside 1..3, which RFC 7911 §4 says to ignore as a whole.
     */
    private static Map<Family, Integer> addPath(Open open) {
        Map<Family, Integer> result = new HashMap<>();
        for (AddPath ap : open.capabilities(AddPath.class)) {
            if (ap.isWellFormed()) {
                ap.entries().forEach(e -> result.put(e.family(), e.sendReceive()));
            }
        }
        return result;
    }

    private static Set<ExtendedNextHop.Entry> extendedNextHops(Open open) {
        Set<ExtendedNextHop.Entry> result = new HashSet<>();
        open.capabilities(ExtendedNextHop.class).forEach(c -> result.addAll(c.entries()));
        return result;
    }
}
