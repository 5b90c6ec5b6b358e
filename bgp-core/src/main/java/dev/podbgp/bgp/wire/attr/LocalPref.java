package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;

/**
 * LOCAL_PREF (RFC 4271 §5.1.5): higher preferred; only between iBGP peers. Discarding it
 * when an eBGP peer sends it (RFC 7606 §7.5) is the session's job, which knows the peer.
 */
public record LocalPref(long value) implements U32Attribute {

    public LocalPref {
        U32Attribute.checkRange("LOCAL_PREF", value);
    }

    /** RFC 7606 §7.5: a length other than 4 is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len != 4) {
            return AttributeErrors.badLength(AttributeType.LOCAL_PREF, len, "4");
        }
        return DecodeResult.ok(new LocalPref(Bytes.u32(b, off)));
    }

    @Override
    public int typeCode() {
        return AttributeType.LOCAL_PREF.code();
    }

    @Override
    public int flags() {
        return AttributeType.LOCAL_PREF.flags();
    }

    @Override
    public void appendJson(JsonOut json) {
        json.field("local-preference", value);
    }
}
