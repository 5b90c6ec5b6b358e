package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.exabgp.CommandLexer.Token;
import dev.podbgp.bgp.wire.attr.ExtendedCommunities;
import dev.podbgp.inet.InetParseException;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;
import java.util.Locale;

/**
 * {@code extended-community} values (RFC 4360) in the forms ExaBGP 4.2 accepts:
 * {@code target:ASN:N} / {@code origin:ASN:N} (or bare {@code ASN:N}, a route target), with the
 * 4-octet-AS form chosen by an {@code L} suffix or an AS above 65535, {@code target:ASN:IP},
 * {@code target:IP:N}, {@code target4:}/{@code origin4:}, {@code redirect:ASN:N},
 * {@code l2info:ENCAPS:CONTROL:MTU:SITE}, {@code bandwidth:ASN:BYTES_PER_SECOND},
 * {@code redirect-to-nexthop}, and raw {@code 0x} followed by 16 hex digits.
 */
final class ExtendedCommunityParser {
    private ExtendedCommunityParser() {}

    // RFC 4360 §3 type octets and RFC 4360 §4 / RFC 5575 §7 / RFC 7153 subtypes.
    private static final int TYPE_AS2 = 0x00;
    private static final int TYPE_IPV4 = 0x01;
    private static final int TYPE_AS4 = 0x02;
    private static final int SUB_TARGET = 0x02;
    private static final int SUB_ORIGIN = 0x03;

    /** The attribute, or {@code null} for an empty list (ExaBGP sends nothing then). */
    static ExtendedCommunities parse(Cursor in) {
        List<Token> words = in.oneOrList("extended-community needs a value such as target:65000:100, or a list [ ... ]");
        long[] values = new long[words.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = one(words.get(i));
        }
        return values.length == 0 ? null : new ExtendedCommunities(values);
    }

    static long one(Token t) {
        String s = t.text();
        if (s.regionMatches(true, 0, "0x", 0, 2)) {
            byte[] raw = Numbers.hexBytes(s, t, "extended-community");
            if (raw.length != 8) {
                throw Cursor.fail(t, "an extended community is 8 octets (16 hex digits), not " + raw.length);
            }
            long v = 0;
            for (byte b : raw) {
                v = v << 8 | (b & 0xff);
            }
            return v;
        }
        if (s.equals("redirect-to-nexthop")) {
            // draft-simpson-idr-flowspec-redirect: type 0x08, subtype 0x00, no value.
            return 0x0800L << 48;
        }
        String[] parts = s.split(":", -1);
        if (parts.length < 2) {
            throw Cursor.fail(t, "extended-community must be KIND:GLOBAL:LOCAL (target, origin, target4, origin4, "
                    + "redirect, bandwidth), l2info:E:C:M:S, redirect-to-nexthop or 0x hex; not '" + s + "'");
        }
        String kind = parts.length == 2 ? "target" : parts[0];
        int fields = parts.length == 2 ? 2 : parts.length - 1;
        int expected = kind.equals("l2info") ? 4 : 2;
        switch (kind) {
            case "target", "origin", "target4", "origin4", "redirect", "bandwidth", "l2info" -> { }
            default -> throw Cursor.fail(t, "extended-community kind '" + kind + "' is not one of target, origin, "
                    + "target4, origin4, redirect, bandwidth, l2info");
        }
        if (fields != expected) {
            throw Cursor.fail(t, "extended-community " + kind + " takes " + expected + " fields after the kind, not " + fields);
        }
        String ga = parts[parts.length - 2];
        String la = parts[parts.length - 1];
        return switch (kind) {
            case "target" -> adminValue(t, SUB_TARGET, ga, la);
            case "origin" -> adminValue(t, SUB_ORIGIN, ga, la);
            case "target4" -> as4(t, SUB_TARGET, stripL(ga), stripL(la));
            case "origin4" -> as4(t, SUB_ORIGIN, stripL(ga), stripL(la));
            case "redirect" -> {
                // RFC 5575 §7: traffic-action redirect, 2-octet AS and 4-octet value.
                long as = Numbers.decimal(ga, t, "redirect AS", Numbers.U16_MAX);
                long n = Numbers.decimal(la, t, "redirect value", Numbers.U32_MAX);
                yield 0x8008L << 48 | as << 32 | n;
            }
            case "bandwidth" -> {
                // draft-ietf-idr-link-bandwidth: non-transitive 0x40/0x04, AS and IEEE float bytes/s.
                long as = Numbers.decimal(ga, t, "bandwidth AS", Numbers.U16_MAX);
                float bw;
                try {
                    bw = Float.parseFloat(la);
                } catch (NumberFormatException e) {
                    throw Cursor.fail(t, "bandwidth must be a number of bytes per second, not '" + la + "'");
                }
                if (!(bw >= 0) || Float.isInfinite(bw) || !la.matches("[0-9]+(\\.[0-9]+)?")) {
                    throw Cursor.fail(t, "bandwidth must be a non-negative number of bytes per second, not '" + la + "'");
                }
                yield 0x4004L << 48 | as << 32 | (Float.floatToIntBits(bw) & Numbers.U32_MAX);
            }
            default -> {
                // RFC 4761 §3.2.4 layer-2 info: encapsulation, control flags, MTU, site preference.
                long encaps = Numbers.decimal(parts[1], t, "l2info encapsulation", 0xFF);
                long control = Numbers.decimal(parts[2], t, "l2info control flags", 0xFF);
                long mtu = Numbers.decimal(parts[3], t, "l2info MTU", Numbers.U16_MAX);
                long site = Numbers.decimal(parts[4], t, "l2info site preference", Numbers.U16_MAX);
                yield 0x800AL << 48 | encaps << 40 | control << 32 | mtu << 16 | site;
            }
        };
    }

    /** target/origin: the layout follows from which side is an address or a large AS. */
    private static long adminValue(Token t, int subtype, String ga, String la) {
        boolean gaIp = ga.indexOf('.') >= 0;
        boolean laIp = la.indexOf('.') >= 0;
        if (!gaIp && laIp) {
            // RFC 4360 §3.1 with an address as the 4-octet local administrator, as ExaBGP builds it.
            long as = Numbers.decimal(ga, t, "extended-community AS", Numbers.U16_MAX);
            return header(TYPE_AS2, subtype) | as << 32 | ipv4(t, la).toUnsignedLong();
        }
        if (gaIp && !laIp) {
            // RFC 4360 §3.2 IPv4-address-specific (type 0x01). ExaBGP 4.2 writes type 0x00 here,
            // which peers read as an AS-specific value; podbgp follows the RFC (docs/exabgp-compat.md).
            long n = Numbers.decimal(stripL(la), t, "extended-community local administrator", Numbers.U16_MAX);
            return header(TYPE_IPV4, subtype) | ipv4(t, ga).toUnsignedLong() << 16 | n;
        }
        if (gaIp) {
            throw Cursor.fail(t, "extended-community has an address on both sides of ':'");
        }
        boolean large = ga.toUpperCase(Locale.ROOT).endsWith("L");
        long as = Numbers.decimal(stripL(ga), t, "extended-community AS", Numbers.U32_MAX);
        if (large || as > Numbers.U16_MAX) {
            return as4(t, subtype, stripL(ga), stripL(la));
        }
        // RFC 4360 §3.1: 2-octet AS, 4-octet local administrator.
        long n = Numbers.decimal(stripL(la), t, "extended-community local administrator", Numbers.U32_MAX);
        return header(TYPE_AS2, subtype) | as << 32 | n;
    }

    /** RFC 5668 §2: 4-octet AS specific, 2-octet local administrator. */
    private static long as4(Token t, int subtype, String ga, String la) {
        long as = Numbers.decimal(ga, t, "extended-community AS", Numbers.U32_MAX);
        long n = Numbers.decimal(la, t, "extended-community local administrator", Numbers.U16_MAX);
        return header(TYPE_AS4, subtype) | as << 16 | n;
    }

    private static long header(int type, int subtype) {
        return (long) type << 56 | (long) subtype << 48;
    }

    private static String stripL(String s) {
        return s.toUpperCase(Locale.ROOT).endsWith("L") ? s.substring(0, s.length() - 1) : s;
    }

    private static Ipv4Address ipv4(Token t, String s) {
        try {
            return Ipv4Address.parse(s);
        } catch (InetParseException e) {
            throw Cursor.fail(t, "extended-community address: " + e.getMessage());
        }
    }
}
