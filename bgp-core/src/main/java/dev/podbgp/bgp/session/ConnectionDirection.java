package dev.podbgp.bgp.session;

/** Who opened a TCP connection: the collision rule of RFC 4271 §6.8 is stated in these terms. */
public enum ConnectionDirection {
    /** The peer connected to us. */
    INBOUND,
    /** We connected to the peer. */
    OUTBOUND
}
