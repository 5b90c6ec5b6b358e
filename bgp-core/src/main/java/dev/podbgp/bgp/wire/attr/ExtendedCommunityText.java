package dev.podbgp.bgp.wire.attr;

import dev.podbgp.inet.Ipv4Address;

/**
 * Text forms of extended communities as ExaBGP 4.2 names them in JSON. ExaBGP chooses the
 * form by the low nibble of the type octet and the subtype, ignoring the IANA-authority and
 * non-transitive bits, so 0x40/0x02 renders like 0x00/0x02 and 0x80/0x06 (flowspec
 * traffic-rate, RFC 8955) like 0x00/0x06. Types it has no name for render as "".
 */
public final class ExtendedCommunityText {
    private ExtendedCommunityText() {}

    /** RFC 4360 §4 subtypes, and RFC 8955 §7 flowspec actions. */
    static final int ROUTE_TARGET = 0x02;
    static final int ROUTE_ORIGIN = 0x03;
    static final int TRAFFIC_RATE = 0x06;
    static final int TRAFFIC_ACTION = 0x07;
    static final int REDIRECT = 0x08;
    static final int TRAFFIC_MARK = 0x09;
    /** RFC 9012 §4.1 encapsulation extended community (type 0x03). */
    static final int ENCAPSULATION = 0x0C;

    public static String format(long v) {
        int type = (int) (v >>> 56) & 0x0f;
        int subtype = (int) (v >>> 48) & 0xff;
        return switch (subtype) {
            case ROUTE_TARGET -> target(type, v);
            case ROUTE_ORIGIN -> origin(type, v);
            case TRAFFIC_RATE -> type == 0 ? "rate-limit:" + (long) Float.intBitsToFloat((int) v) : "";
            case TRAFFIC_ACTION -> type == 0 ? action((int) v & 0xff) : "";
            case REDIRECT -> type == 0 ? "redirect:" + (v >>> 32 & 0xffff) + ":" + (v & 0xFFFF_FFFFL) : "";
            case TRAFFIC_MARK -> type == 0 ? "mark " + (v & 0xff) : "";
            case ENCAPSULATION -> type == 3 ? "encap:" + tunnelName((int) (v & 0xffff)) : "";
            case 0x00 -> type == 6 ? macMobility(v) : "";
            default -> "";
        };
    }

    /** RFC 4360 §3.1-3.3 layouts: 2-octet AS + 4-octet number, IPv4 + 2-octet, 4-octet AS + 2-octet. */
    private static String target(int type, long v) {
        return switch (type) {
            case 0x00 -> "target:" + (v >>> 32 & 0xffff) + ":" + (v & 0xFFFF_FFFFL);
            case 0x01 -> "target:" + new Ipv4Address((int) (v >>> 16)) + ":" + (v & 0xffff);
            case 0x02 -> "target:" + (v >>> 16 & 0xFFFF_FFFFL) + "L:" + (v & 0xffff);
            default -> "";
        };
    }

    /** ExaBGP prints the 2-octet-AS form's number as an IPv4 address and swaps the IPv4 form's fields. */
    private static String origin(int type, long v) {
        return switch (type) {
            case 0x00 -> "origin:" + (v >>> 32 & 0xffff) + ":" + new Ipv4Address((int) v);
            case 0x01 -> "origin:" + (v & 0xffff) + ":" + new Ipv4Address((int) (v >>> 16));
            case 0x02 -> "origin:" + (v >>> 16 & 0xFFFF_FFFFL) + "L:" + (v & 0xffff);
            default -> "";
        };
    }

    /** RFC 8955 §7.3: bit 1 sample, bit 0 terminal. */
    private static String action(int bits) {
        boolean sample = (bits & 0x02) != 0;
        boolean terminal = (bits & 0x01) != 0;
        return "action " + (sample && terminal ? "sample-terminal" : sample ? "sample" : terminal ? "terminal" : "");
    }

    private static String tunnelName(int type) {
        return switch (type) {
            case 0x00 -> "Default";
            case 0x01 -> "L2TPv3";
            case 0x02 -> "GRE";
            case 0x07 -> "IP-in-IP";
            case 0x08 -> "VXLAN";
            case 0x09 -> "NVGRE";
            case 0x0A -> "MPLS";
            case 0x0C -> "VXLAN-GPE";
            case 0x0D -> "MPLS-in-UDP";
            default -> "encap:UNKNOWN-" + type;
        };
    }

    /** RFC 7432 §7.7: flags octet (bit 0 sticky), reserved octet, 4-octet sequence number. */
    private static String macMobility(long v) {
        return "mac-mobility:" + (v & 0xFFFF_FFFFL) + (((v >>> 40) & 0xff) == 1 ? ":sticky" : "");
    }
}
