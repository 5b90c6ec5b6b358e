package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;

/** MULTI_EXIT_DISC (RFC 4271 §5.1.4): an unsigned 32-bit metric, lower preferred. */
public record MultiExitDisc(long value) implements U32Attribute {

    public MultiExitDisc {
        U32Attribute.checkRange("MED", value);
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
    public void appendJson(JsonOut json) {
        json.field("med", value);
    }
}
