package dev.podbgp.bgp.wire.attr;

import dev.podbgp.inet.Ipv4Address;
import java.math.BigDecimal;

/**
 * ExaBGP 4.2.21's text for the flowspec action communities (RFC 8955 §7, the redirect drafts,
 * draft-ietf-idr-flowspec-interfaceset), keyed like every extended community by the low nibble
 * of the type and the subtype. podbgp does not act on them; it only names them as ExaBGP does.
 */
final class FlowspecActionText {
    private FlowspecActionText() {}

    static final int TRAFFIC_RATE = 0x06;
    static final int TRAFFIC_ACTION = 0x07;
    static final int REDIRECT = 0x08;
    static final int TRAFFIC_MARK = 0x09;

    /** The subtypes not shared with other communities (the rest are called from ExtendedCommunityText); "" otherwise. */
    static String format(int type, int subtype, long v) {
        return switch (subtype) {
            case TRAFFIC_RATE -> type == 0 ? "rate-limit:" + rate(Float.intBitsToFloat((int) v)) : "";
            case TRAFFIC_ACTION -> type == 0 ? action((int) v & 0xff) : "";
            case REDIRECT -> type == 0 ? "redirect:" + (v >>> 32 & 0xffff) + ":" + (v & 0xFFFF_FFFFL)
                    // RFC 8955 §7.4's 4-octet-AS form: ExaBGP 4.2.21 recurses forever on it (docs/exabgp-compat.md).
                    : type == 2 ? "redirect:" + (v >>> 16 & 0xFFFF_FFFFL) + ":" + (v & 0xffff) : "";
            case TRAFFIC_MARK -> type == 0 ? "mark " + (v & 0xff) : "";
            default -> "";
        };
    }

    /**
     * Python's {@code "%d" % rate}: the float truncated to an exact integer, however large.
     * NaN and infinities make ExaBGP fail; podbgp names them.
     */
    private static String rate(float rate) {
        if (Float.isNaN(rate)) {
            return "nan";
        }
        if (Float.isInfinite(rate)) {
            return rate > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(rate).toBigInteger().toString();
    }

    /** RFC 8955 §7.3: bit 1 sample, bit 0 terminal. */
    private static String action(int bits) {
        boolean sample = (bits & 0x02) != 0;
        boolean terminal = (bits & 0x01) != 0;
        return "action " + (sample && terminal ? "sample-terminal" : sample ? "sample" : terminal ? "terminal" : "");
    }

    /** draft-ietf-idr-flowspec-redirect: IPv4 address, then the copy flag in the last bit. */
    static String redirectToIpv4(long v) {
        Ipv4Address ip = new Ipv4Address((int) (v >>> 16));
        return (v & 1) != 0 ? "copy-to-nexthop-ietf " + ip + " (with copy)" : "redirect-to-nexthop-ietf " + ip;
    }

    /** draft-simpson-idr-flowspec-redirect (type 0x08 subtype 0x00): the copy flag in the last bit. */
    static String redirectToNextHop(long v) {
        return (v & 1) != 0 ? "copy-to-nexthop" : "redirect-to-nexthop";
    }

    /**
     * draft-ietf-idr-flowspec-interfaceset (type 0x07 subtype 0x02): 4-octet AS, then the
     * direction in the top two bits and the group id in the low 13 (ExaBGP drops bit 13).
     */
    static String interfaceSet(long v) {
        int low = (int) (v & 0xffff);
        String direction = switch (low >>> 14) {
            case 1 -> "input";
            case 2 -> "output";
            case 3 -> "input-output";
            default -> "0";
        };
        return "interface-set:" + direction + ":" + (v >>> 16 & 0xFFFF_FFFFL) + ":" + (low & 0x1FFF);
    }
}
