package dev.podbgp.bgp.wire.attr;

import dev.podbgp.inet.Ipv4Address;

/**
 * Text forms of extended communities as ExaBGP names them. ExaBGP chooses the form by
 * the low nibble of the type octet and the subtype, ignoring the IANA-authority and
 * non-transitive bits, so 0x40/0x02 renders like 0x00/0x02. Types it has no name for
 * render as an empty string.
 */
public final class ExtendedCommunityText {
    private ExtendedCommunityText() {}

    public static final int SUBTYPE_ROUTE_TARGET = 0x02;
    public static final int SUBTYPE_ROUTE_ORIGIN = 0x03;

    public static String format(long v) {
        int type = (int) (v >>> 56) & 0x0f;
        int subtype = (int) (v >>> 48) & 0xff;
        return switch (subtype) {
            case SUBTYPE_ROUTE_TARGET -> adminValue("target", type, v);
            case SUBTYPE_ROUTE_ORIGIN -> origin(type, v);
            default -> "";
        };
    }

    /** RFC 4360 §3.1-3.3 layouts: 2-octet AS + 4-octet number, IPv4 + 2-octet, 4-octet AS + 2-octet. */
    private static String adminValue(String name, int type, long v) {
        return switch (type) {
            case 0x00 -> name + ":" + (v >>> 32 & 0xffff) + ":" + (v & 0xFFFF_FFFFL);
            case 0x01 -> name + ":" + new Ipv4Address((int) (v >>> 16)) + ":" + (v & 0xffff);
            case 0x02 -> name + ":" + (v >>> 16 & 0xFFFF_FFFFL) + "L:" + (v & 0xffff);
            default -> "";
        };
    }

    private static String origin(int type, long v) {
        return switch (type) {
            case 0x00 -> "origin:" + (v >>> 32 & 0xffff) + ":" + new Ipv4Address((int) v);
            case 0x01 -> "origin:" + new Ipv4Address((int) (v >>> 16)) + ":" + (v & 0xffff);
            case 0x02 -> "origin:" + (v >>> 16 & 0xFFFF_FFFFL) + "L:" + (v & 0xffff);
            default -> "";
        };
    }
}
