package dev.podbgp.bgp.wire.attr;

import dev.podbgp.inet.Ipv4Address;

/**
 * Text forms of extended communities as ExaBGP 4.2.21 names them in JSON. ExaBGP chooses the
 * form by the low nibble of the type octet and the subtype, ignoring the IANA-authority and
 * non-transitive bits (RFC 4360 §2), so 0x40/0x02 renders like 0x00/0x02 and 0x80/0x06 (flowspec
 * traffic-rate, RFC 8955) like 0x00/0x06. Types it has no name for render as "", link bandwidth
 * (0x40/0x04) among them: 4.2.21 has a class for it but never registers it.
 * {@code ExtendedCommunityOracleTest} compares every type and subtype with ExaBGP.
 */
public final class ExtendedCommunityText {
    private ExtendedCommunityText() {}

    /** RFC 4360 §4 subtypes. */
    static final int ROUTE_TARGET = 0x02;
    static final int ROUTE_ORIGIN = 0x03;
    /** RFC 4761 §3.2.4 Layer2 Info (type 0x80). */
    static final int L2_INFO = 0x0A;
    /** RFC 9012 §4.1 encapsulation (type 0x03), and the flowspec redirect-to-IPv4 (type 0x01). */
    static final int ENCAPSULATION = 0x0C;
    /** draft-ietf-bess-service-chaining route-target record, in the route-target layouts. */
    static final int RT_RECORD = 0x13;
    /** draft-ietf-bess-service-chaining consistent hash sort order (type 0x03). */
    static final int HASH_SORT_ORDER = 0x14;

    public static String format(long v) {
        int type = (int) (v >>> 56) & 0x0f;
        int subtype = (int) (v >>> 48) & 0xff;
        return switch (subtype) {
            case ROUTE_TARGET -> type == 7 ? FlowspecActionText.interfaceSet(v) : asSpecific("target", type, v);
            case RT_RECORD -> asSpecific("rtrecord", type, v);
            case ROUTE_ORIGIN -> origin(type, v);
            case L2_INFO -> type == 0 ? l2Info(v) : "";
            case ENCAPSULATION -> type == 3 ? "encap:" + tunnelName((int) (v & 0xffff))
                    : type == 1 ? FlowspecActionText.redirectToIpv4(v) : "";
            case HASH_SORT_ORDER -> type == 3 ? "consistentHashSortOrder:" + (v >>> 16 & 0xFFFF_FFFFL) : "";
            case 0x00 -> type == 6 ? macMobility(v) : type == 8 ? FlowspecActionText.redirectToNextHop(v) : "";
            default -> FlowspecActionText.format(type, subtype, v);
        };
    }

    /** RFC 4360 §3.1-3.3 layouts: 2-octet AS + 4-octet number, IPv4 + 2-octet, 4-octet AS ("L") + 2-octet. */
    private static String asSpecific(String name, int type, long v) {
        return switch (type) {
            case 0x00 -> name + ":" + (v >>> 32 & 0xffff) + ":" + (v & 0xFFFF_FFFFL);
            case 0x01 -> name + ":" + new Ipv4Address((int) (v >>> 16)) + ":" + (v & 0xffff);
            case 0x02 -> name + ":" + (v >>> 16 & 0xFFFF_FFFFL) + "L:" + (v & 0xffff);
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

    /** RFC 4761 §3.2.4: encapsulation type, control flags, MTU, and two octets ExaBGP calls reserved. */
    private static String l2Info(long v) {
        return "l2info:" + (v >>> 40 & 0xff) + ":" + (v >>> 32 & 0xff) + ":" + (v >>> 16 & 0xffff) + ":" + (v & 0xffff);
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

    /** RFC 7432 §7.7: flags octet (sticky only when it is exactly 1, as ExaBGP reads it), reserved, sequence. */
    private static String macMobility(long v) {
        return "mac-mobility:" + (v & 0xFFFF_FFFFL) + (((v >>> 40) & 0xff) == 1 ? ":sticky" : "");
    }
}
