package dev.podbgp.rib;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;

/**
 * What the RIB needs to know about a peer to rank its routes.
 *
 * @param id small dense index (0, 1, 2...) the RIB uses for per-peer arrays; {@link #LOCAL_ID}
 *     is reserved for the node's own routes
 * @param address peer address, the last tie-break (RFC 4271 §9.1.2.2 g)
 * @param asn the peer's AS
 * @param routerId the peer's BGP identifier (RFC 4271 §9.1.2.2 f)
 * @param internal iBGP (same AS) rather than eBGP (RFC 4271 §9.1.2.2 d)
 * @param routeReflectorClient the peer is a route-reflector client of this node (RFC 4456 §6)
 */
public record PeerInfo(int id, IpAddress address, long asn, Ipv4Address routerId, boolean internal,
        boolean routeReflectorClient) {

    /** The id of {@link #local}: routes the node originates itself (its podCIDRs). */
    public static final int LOCAL_ID = -1;

    public PeerInfo {
        if (id < LOCAL_ID) {
            throw new IllegalArgumentException("peer id " + id + " is negative");
        }
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS " + asn + " is not a 4-octet AS number");
        }
    }

    /** The pseudo-peer that owns originated routes; address 0.0.0.0, internal, our own AS. */
    public static PeerInfo local(long localAs, Ipv4Address routerId) {
        return new PeerInfo(LOCAL_ID, Ipv4Address.ANY, localAs, routerId, true, false);
    }

    public boolean isLocal() {
        return id == LOCAL_ID;
    }
}
