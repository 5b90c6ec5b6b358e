package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/** ORIGIN (RFC 4271 §5.1.1). Three values, so three shared instances. */
public enum Origin implements PathAttribute {
    IGP("igp"),
    EGP("egp"),
    INCOMPLETE("incomplete");

    private final String text;

    Origin(String text) {
        this.text = text;
    }

    /** RFC 7606 §7.1: length other than 1 or an undefined value is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len != 1) {
            return AttributeErrors.badLength(AttributeType.ORIGIN, len, "1");
        }
        int v = b[off] & 0xff;
        if (v > 2) {
            return AttributeErrors.malformed(AttributeType.ORIGIN, BgpError.INVALID_ORIGIN_ATTRIBUTE,
                    "ORIGIN value " + v + " is undefined");
        }
        return DecodeResult.ok(values()[v]);
    }

    /** The ExaBGP/config keyword: igp, egp, incomplete. */
    public String text() {
        return text;
    }

    public static Origin parse(String text) {
        for (Origin o : values()) {
            if (o.text.equals(text)) {
                return o;
            }
        }
        throw new IllegalArgumentException("origin '" + text + "' is not igp, egp or incomplete");
    }

    @Override
    public int typeCode() {
        return AttributeType.ORIGIN.code();
    }

    @Override
    public int flags() {
        return AttributeType.ORIGIN.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 1;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        out.u8(ordinal());
    }

    @Override
    public void appendJson(JsonOut json) {
        json.field("origin", text);
    }
}
