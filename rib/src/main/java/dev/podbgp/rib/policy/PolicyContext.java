package dev.podbgp.rib.policy;

import dev.podbgp.inet.IpAddress;

/**
 * The session a route is evaluated for: on import the peer it came from, on export the peer
 * it goes to. {@code localAs} is this node's AS, which "prepend own AS" adds.
 * {@code internal} is true for iBGP (peer AS equals local AS).
 */
public record PolicyContext(IpAddress peerAddress, long peerAs, long localAs, boolean internal) {

    public PolicyContext {
        java.util.Objects.requireNonNull(peerAddress, "peerAddress");
        U32.check(peerAs, "peer AS");
        U32.check(localAs, "local AS");
    }

    /** A context whose {@code internal} flag follows from the two AS numbers (RFC 4271 §1.1). */
    public static PolicyContext of(IpAddress peerAddress, long peerAs, long localAs) {
        return new PolicyContext(peerAddress, peerAs, localAs, peerAs == localAs);
    }
}
