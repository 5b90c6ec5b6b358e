package dev.podbgp.rib.out;

import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.rib.policy.RoleConfig;
import java.util.Objects;

/**
 * What the outbound rules need to know about this node.
 *
 * @param localAs our AS, prepended towards eBGP peers (RFC 4271 §5.1.2)
 * @param routerId our BGP identifier
 * @param clusterId the CLUSTER_ID prepended when reflecting (RFC 4456 §7); usually the router id
 * @param role whether the node reflects or transits, for {@link dev.podbgp.rib.policy.ExportScope}
 */
public record NodeSettings(long localAs, Ipv4Address routerId, Ipv4Address clusterId, RoleConfig role) {

    public NodeSettings {
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(role, "role");
        if (localAs <= 0 || localAs > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("local AS " + localAs + " is not a 4-octet AS number");
        }
    }

    /** RFC 4456 §7: without a configured cluster id, the reflector's router id is used. */
    public static NodeSettings of(long localAs, Ipv4Address routerId, RoleConfig role) {
        return new NodeSettings(localAs, routerId, routerId, role);
    }
}
