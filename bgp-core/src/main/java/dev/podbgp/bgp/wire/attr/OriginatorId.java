package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.inet.Ipv4Address;

/** ORIGINATOR_ID (RFC 4456 §8): the router id of the route's originator inside the AS. */
public record OriginatorId(Ipv4Address id) implements PathAttribute {

    /** RFC 7606 §7.9: a length other than 4 is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len != 4) {
            return AttributeErrors.badLength(AttributeType.ORIGINATOR_ID, len, "4");
        }
        return DecodeResult.ok(new OriginatorId(Ipv4Address.ofBytes(b, off)));
    }

    @Override
    public int typeCode() {
        return AttributeType.ORIGINATOR_ID.code();
    }

    @Override
    public int flags() {
        return AttributeType.ORIGINATOR_ID.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 4;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        out.u32(id.toUnsignedLong());
    }

    @Override
    public void appendJson(JsonOut json) {
        json.field("originator-id", id.toString());
    }
}
