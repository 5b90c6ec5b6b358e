package dev.podbgp.config.state;

import dev.podbgp.inet.Ipv4Address;

/** Who this node is on the wire; a change of AS or router id needs a daemon restart (every OPEN carries them). */
public record NodeIdentity(String name, Ipv4Address routerId, long asn) {
    public NodeIdentity {
        if (routerId.bits() == 0) {
            throw new IllegalArgumentException("router id 0.0.0.0 (RFC 6286 §2.1: non-zero)");
        }
        if (asn < 1 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS " + asn);
        }
    }
}
