package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.inet.Ipv4Address;

/**
 * NEXT_HOP (RFC 4271 §5.1.3), for IPv4 NLRI carried outside MP_REACH_NLRI. Whether the
 * address is usable (not ours, not a martian) is semantics, checked by the session.
 */
public record NextHop(Ipv4Address address) implements PathAttribute {

    /** RFC 7606 §7.3: a length other than 4 is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len != 4) {
            return AttributeErrors.badLength(AttributeType.NEXT_HOP, len, "4");
        }
        return DecodeResult.ok(new NextHop(Ipv4Address.ofBytes(b, off)));
    }

    @Override
    public int typeCode() {
        return AttributeType.NEXT_HOP.code();
    }

    @Override
    public int flags() {
        return AttributeType.NEXT_HOP.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 4;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        out.u32(address.toUnsignedLong());
    }

    /** ExaBGP groups NLRI by next hop under "announce"; it is not an attribute member. */
    @Override
    public void appendJson(JsonOut json) {}
}
