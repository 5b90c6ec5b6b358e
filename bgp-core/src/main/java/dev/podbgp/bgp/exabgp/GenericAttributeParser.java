package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.exabgp.CommandLexer.Token;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.attr.UnknownAttribute;

/**
 * {@code attribute [ 0xCODE 0xFLAGS 0xVALUE ]} (ExaBGP's generic attribute) and {@code aigp N}.
 *
 * <p>ExaBGP sends a generic attribute's bytes as given. podbgp decodes a value for a type it
 * knows into that type, so the attribute is checked and counted once (a generic COMMUNITIES
 * and a {@code community} keyword cannot both be sent). Types whose bytes depend on the
 * session (AS_PATH, AGGREGATOR, AS4_*) or that carry the routes (NEXT_HOP, MP_*) must be given
 * through their own keywords. An unknown type must be optional: a well-known type the peer
 * does not know resets the session (RFC 4271 §6.3).
 */
final class GenericAttributeParser {
    private GenericAttributeParser() {}

    /** RFC 7311 AIGP, type 26, optional non-transitive. */
    static final int AIGP = 26;

    static PathAttribute attribute(Cursor in) {
        Token open = in.next("attribute needs [ 0xCODE 0xFLAGS 0xVALUE ]");
        if (!open.text().equals("[")) {
            throw Cursor.fail(open, "attribute must start with '[' as in [ 0xCODE 0xFLAGS 0xVALUE ]");
        }
        Token codeToken = in.next("attribute type code as 0x hex");
        byte[] code = Numbers.hexBytes(codeToken.text(), codeToken, "attribute type code");
        if (code.length != 1) {
            throw Cursor.fail(codeToken, "attribute type code is one octet, 0x00 to 0xFF");
        }
        Token flagToken = in.next("attribute flags as 0x hex");
        byte[] flag = Numbers.hexBytes(flagToken.text(), flagToken, "attribute flags");
        if (flag.length != 1) {
            throw Cursor.fail(flagToken, "attribute flags are one octet, 0x00 to 0xFF");
        }
        Token valueToken = in.next("attribute value as 0x hex");
        byte[] value = Numbers.hexBytes(valueToken.text(), valueToken, "attribute value");
        if (value.length > 0xFFFF) {
            throw Cursor.fail(valueToken, "attribute value of " + value.length + " octets exceeds 65535");
        }
        Token close = in.next("']' closing the attribute");
        if (!close.text().equals("]")) {
            throw Cursor.fail(close, "attribute ends with ']' after its value");
        }
        int type = code[0] & 0xff;
        int flags = flag[0] & 0xff;
        AttributeType known = AttributeType.of(type);
        if (known == null) {
            if ((flags & AttributeType.FLAG_OPTIONAL) == 0) {
                throw Cursor.fail(flagToken, "attribute type " + type + " is unknown to podbgp and flags 0x"
                        + Integer.toHexString(flags) + " make it well-known: a peer that does not know it resets the "
                        + "session (RFC 4271 §6.3); set the optional bit 0x80");
            }
            return new UnknownAttribute(flags, type, value);
        }
        switch (known) {
            case AS_PATH, AGGREGATOR, AS4_PATH, AS4_AGGREGATOR -> throw Cursor.fail(codeToken, "attribute type "
                    + type + " (" + known + ") depends on the session's AS number size; use the as-path or aggregator keyword");
            case NEXT_HOP, MP_REACH_NLRI, MP_UNREACH_NLRI -> throw Cursor.fail(codeToken, "attribute type "
                    + type + " (" + known + ") is built from the command's next-hop and prefixes");
            default -> { }
        }
        byte[] tlv = new byte[(value.length > 255 ? 4 : 3) + value.length];
        WireWriter w = new WireWriter(tlv, 0);
        if (value.length > 255) {
            w.u8(flags | AttributeType.FLAG_EXTENDED_LENGTH).u8(type).u16(value.length);
        } else {
            w.u8(flags & ~AttributeType.FLAG_EXTENDED_LENGTH).u8(type).u8(value.length);
        }
        w.bytes(value);
        return switch (PathAttributes.decode(tlv, 0, tlv.length, SessionCapabilities.FOUR_OCTET_AS)) {
            case DecodeResult.Ok<PathAttributes> ok when ok.repaired().isEmpty() && ok.value().size() == 1 ->
                    ok.value().asList().getFirst();
            case DecodeResult.Ok<PathAttributes> ok -> throw Cursor.fail(valueToken, "attribute type " + type + " ("
                    + known + ") is malformed: " + (ok.repaired().isEmpty() ? "no value" : ok.repaired().getFirst().reason()));
            case DecodeResult.Malformed<PathAttributes> m -> throw Cursor.fail(valueToken, "attribute type " + type
                    + " (" + known + ") is malformed: " + m.problem().reason());
        };
    }

    /**
     * {@code aigp N}: RFC 7311 §3 one AIGP TLV (type 1, length 11) holding the 8-octet metric,
     * as ExaBGP builds it.
     */
    static PathAttribute aigp(Cursor in) {
        Token t = in.next("aigp needs a metric (decimal or 0x hex)");
        long metric = Numbers.decimalOrHex(t, "aigp metric", -1L);
        byte[] value = new byte[11];
        new WireWriter(value, 0).u8(1).u16(11).u64(metric);
        return new UnknownAttribute(AttributeType.FLAG_OPTIONAL, AIGP, value);
    }
}
