package dev.podbgp.bfd.session;

/**
 * What the IP encapsulation of a session is: RFC 5881 (one hop, a directly connected peer) or
 * RFC 5883 (a peer several routed hops away, such as an iBGP loopback). The state machine is the
 * same for both; the difference is for the transport: the port, and whether the received TTL
 * proves the sender is adjacent.
 */
public enum HopMode {
    /** RFC 5881 §4: Control packets to UDP port 3784. */
    SINGLE_HOP(3784, 255),
    /** RFC 5883 §5: Control packets to UDP port 4784; routers on the way lower the TTL. */
    MULTI_HOP(4784, 1);

    /** RFC 5881 §4 (and RFC 5883 §5 by reference): the source port of every session is in 49152–65535. */
    public static final int SOURCE_PORT_MIN = 49152;
    public static final int SOURCE_PORT_MAX = 65535;
    /** RFC 5881 §5: every Control packet goes out with TTL (Hop Limit) 255. */
    public static final int TRANSMIT_TTL = 255;

    private final int port;
    private final int minimumReceiveTtl;

    HopMode(int port, int minimumReceiveTtl) {
        this.port = port;
        this.minimumReceiveTtl = minimumReceiveTtl;
    }

    /** The UDP destination port of Control packets. */
    public int port() {
        return port;
    }

    /**
     * The lowest TTL (Hop Limit) a received packet may carry. RFC 5881 §5 requires 255 without
     * authentication and allows it with; single hop applies it always, since a directly connected
     * peer never sends less. Multihop has no such proof, so authentication is what protects it
     * (RFC 5883 §6); it also rules out the Echo function (RFC 5883 §3), which this module lacks anyway.
     */
    public int minimumReceiveTtl() {
        return minimumReceiveTtl;
    }
}
