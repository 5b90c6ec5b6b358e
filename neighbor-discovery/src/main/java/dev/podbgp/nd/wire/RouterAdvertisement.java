package dev.podbgp.nd.wire;

import dev.podbgp.inet.Ipv6Address;

/**
 * Router Advertisement (RFC 4861 §4.2), without options: podbgp sends one with
 * {@code routerLifetime} 0 so its peer learns our link-local address without taking us as a
 * default router (§6.2.3: lifetime 0 "indicates that the router is not a default router").
 *
 * @param curHopLimit    0: we do not advise a hop limit
 * @param flags          the M (0x80) and O (0x40) bits; podbgp sends 0
 * @param routerLifetime seconds, 0..65535
 * @param reachableTime  milliseconds, 0 = unspecified
 * @param retransTimer   milliseconds, 0 = unspecified
 */
public record RouterAdvertisement(int curHopLimit, int flags, int routerLifetime, long reachableTime, long retransTimer)
        implements NdMessage {

    /** The fixed part: type, code, checksum, hop limit, flags, lifetime, reachable time, retrans timer. */
    static final int LENGTH = 16;

    /** What podbgp advertises: nothing but its presence. */
    public static final RouterAdvertisement NOT_A_DEFAULT_ROUTER = new RouterAdvertisement(0, 0, 0, 0, 0);

    public RouterAdvertisement {
        if ((curHopLimit | flags) >>> 8 != 0 || routerLifetime >>> 16 != 0 || reachableTime >>> 32 != 0 || retransTimer >>> 32 != 0) {
            throw new IllegalArgumentException("field out of range in " + curHopLimit + "/" + flags + "/" + routerLifetime
                    + "/" + reachableTime + "/" + retransTimer);
        }
    }

    @Override
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) ROUTER_ADVERTISEMENT;
        b[4] = (byte) curHopLimit;
        b[5] = (byte) flags;
        b[6] = (byte) (routerLifetime >>> 8);
        b[7] = (byte) routerLifetime;
        Octets.putU32(b, 8, reachableTime);
        Octets.putU32(b, 12, retransTimer);
        return b;
    }

    /** RFC 4861 §6.1.2: 16 or more octets, a link-local source, well-formed options. */
    static Decoded decode(byte[] b, int length, Ipv6Address source) {
        if (length < LENGTH) {
            return new Discarded("router advertisement of " + length + " octets, less than " + LENGTH);
        }
        if (!source.isLinkLocal()) {
            return new Discarded("router advertisement from " + source + ", not a link-local address (RFC 4861 §6.1.2)");
        }
        String options = NdOptions.problem(b, LENGTH, length);
        if (options != null) {
            return new Discarded("router advertisement from " + source + ": " + options);
        }
        return new Valid(new RouterAdvertisement(b[4] & 0xff, b[5] & 0xff, Octets.u16(b, 6), Octets.u32(b, 8), Octets.u32(b, 12)),
                source);
    }
}
