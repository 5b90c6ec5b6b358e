package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/** MULTI_EXIT_DISC (RFC 4271 §5.1.4): an unsigned 32-bit metric, lower preferred. */
public record MultiExitDisc(long value) implements PathAttribute {

    public MultiExitDisc {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("MED " + value + " is outside 0..4294967295");
        }
    }

    /** RFC 7606 §7.4: a length other than 4 is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len != 4) {
            return AttributeErrors.badLength(AttributeType.MULTI_EXIT_DISC, len, "4");
        }
        return DecodeResult.ok(new MultiExitDisc(Bytes.u32(b, off)));
    }

    @Override
    public int typeCode() {
        return AttributeType.MULTI_EXIT_DISC.code();
    }

    @Override
    public int flags() {
        return AttributeType.MULTI_EXIT_DISC.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 4;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        out.u32(value);
    }

    @Override
    public void appendJson(JsonOut json) {
        json.field("med", value);
    }
}
