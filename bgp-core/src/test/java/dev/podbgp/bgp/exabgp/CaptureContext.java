package dev.podbgp.bgp.exabgp;

/**
 * The session between the SENDER and the RECEIVER ExaBGP of a live capture. The sender has AS
 * {@code localAs}, the receiver {@code peerAs}; both enable or disable RFC 6793 together, and with
 * {@code addPath} the sender has ADD-PATH send and the receiver receive on both unicast families.
 */
public record CaptureContext(long localAs, long peerAs, boolean asn4, boolean addPath) {

    public static final CaptureContext EBGP = new CaptureContext(65001, 65002, true, false);
    public static final CaptureContext IBGP = new CaptureContext(65001, 65001, true, false);

    public boolean ibgp() {
        return localAs == peerAs;
    }
}
