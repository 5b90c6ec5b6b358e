package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Family;
import java.util.Set;

/**
 * How ExaBGP should read the UPDATEs: what the session would have negotiated.
 *
 * @param fourOctetAs     RFC 6793 on both sides; off makes AS_PATH/AGGREGATOR 2-octet
 * @param families        the families in the OPENs; an UPDATE for another family is refused
 * @param addPathReceive  families whose NLRI carry RFC 7911 path identifiers
 * @param extendedNextHop RFC 8950: IPv4 unicast NLRI may have an IPv6 next hop
 * @param neighbor        the envelope values ExaBGP prints
 */
public record OracleContext(
        boolean fourOctetAs,
        Set<Family> families,
        Set<Family> addPathReceive,
        boolean extendedNextHop,
        OracleNeighbor neighbor) {

    public static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    /** A modern eBGP peer: 4-octet AS, IPv4 and IPv6 unicast, no ADD-PATH. */
    public static final OracleContext DEFAULT = new OracleContext(true, BOTH, Set.of(), false, OracleNeighbor.DEFAULT);

    public OracleContext {
        families = Set.copyOf(families);
        addPathReceive = Set.copyOf(addPathReceive);
        for (Family f : families) {
            if (!f.isSupported()) {
                throw new IllegalArgumentException("oracle only configures ipv4/ipv6 unicast, not " + f);
            }
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("at least one family");
        }
    }

    public OracleContext withFourOctetAs(boolean value) {
        return new OracleContext(value, families, addPathReceive, extendedNextHop, neighbor);
    }

    public OracleContext withAddPathReceive(Set<Family> value) {
        return new OracleContext(fourOctetAs, families, value, extendedNextHop, neighbor);
    }

    public OracleContext withFamilies(Set<Family> value) {
        return new OracleContext(fourOctetAs, value, addPathReceive, extendedNextHop, neighbor);
    }

    public OracleContext withExtendedNextHop(boolean value) {
        return new OracleContext(fourOctetAs, families, addPathReceive, value, neighbor);
    }

    public OracleContext withNeighbor(OracleNeighbor value) {
        return new OracleContext(fourOctetAs, families, addPathReceive, extendedNextHop, value);
    }
}
