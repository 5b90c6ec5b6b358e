package dev.podbgp.bgp.wire;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The session context a fuzz input chooses with its first octet, so one corpus covers the
 * codec paths that depend on negotiation: bit 0 4-octet AS (RFC 6793), bit 1 ADD-PATH receive
 * for ipv4 unicast, bit 2 for ipv6 unicast (RFC 7911), bit 3 extended message (RFC 8654),
 * bit 4 extended next hop for ipv4 unicast (RFC 8950).
 * The encoder sends path identifiers exactly where the decoder expects them, so a decoded
 * UPDATE can be written back under the same context.
 */
public final class FuzzedCapabilities {
    private FuzzedCapabilities() {}

    public static SessionCapabilities of(byte octet) {
        Set<Family> addPath = new HashSet<>();
        if ((octet & 0x02) != 0) {
            addPath.add(Family.IPV4_UNICAST);
        }
        if ((octet & 0x04) != 0) {
            addPath.add(Family.IPV6_UNICAST);
        }
        Set<Family> extendedNextHop = (octet & 0x10) != 0 ? Set.of(Family.IPV4_UNICAST) : Set.of();
        return new SessionCapabilities((octet & 0x01) != 0, addPath, addPath, (octet & 0x08) != 0, extendedNextHop);
    }
}
