package dev.podbgp.nd.wire;

import dev.podbgp.inet.Ipv6Address;

/**
 * Router Solicitation (RFC 4861 §4.1), sent once when podbgp starts on a link so a peer that
 * advertises answers at once (§6.2.6) instead of at its next periodic advertisement.
 */
public record RouterSolicitation() implements NdMessage {

    static final int LENGTH = 8;

    public static final RouterSolicitation INSTANCE = new RouterSolicitation();

    @Override
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) ROUTER_SOLICITATION;
        return b;
    }

    /** RFC 4861 §6.1.1: 8 or more octets, well-formed options. We learn nothing from one; it is valid or not. */
    static Decoded decode(byte[] b, int length, Ipv6Address source) {
        if (length < LENGTH) {
            return new Discarded("router solicitation of " + length + " octets");
        }
        String options = NdOptions.problem(b, LENGTH, length);
        return options == null ? new Valid(INSTANCE, source) : new Discarded("router solicitation from " + source + ": " + options);
    }
}
