package dev.podbgp.nd.wire;

import dev.podbgp.inet.Ipv6Address;

/**
 * Neighbor Advertisement (RFC 4861 §4.4). podbgp reads the ones its peer sends (in answer to the
 * kernel's solicitations, or unsolicited when its address changes) to learn the peer's
 * link-local address when the peer does not advertise itself as a router.
 *
 * @param flags  the R (0x80), S (0x40) and O (0x20) bits
 * @param target the address the advertisement is about
 */
public record NeighborAdvertisement(int flags, Ipv6Address target) implements NdMessage {

    static final int LENGTH = 24;
    public static final int ROUTER = 0x80;

    @Override
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) NEIGHBOR_ADVERTISEMENT;
        b[4] = (byte) flags;
        System.arraycopy(target.toBytes(), 0, b, 8, 16);
        return b;
    }

    /** RFC 4861 §7.1.2: 24 or more octets, a target that is not multicast, well-formed options. */
    static Decoded decode(byte[] b, int length, Ipv6Address source) {
        if (length < LENGTH) {
            return new Discarded("neighbour advertisement of " + length + " octets, less than " + LENGTH);
        }
        Ipv6Address target = Ipv6Address.ofBytes(b, 8);
        if ((target.high() >>> 56) == 0xff) {
            return new Discarded("neighbour advertisement for multicast target " + target + " (RFC 4861 §7.1.2)");
        }
        String options = NdOptions.problem(b, LENGTH, length);
        if (options != null) {
            return new Discarded("neighbour advertisement from " + source + ": " + options);
        }
        return new Valid(new NeighborAdvertisement(b[4] & 0xe0, target), source);
    }
}
