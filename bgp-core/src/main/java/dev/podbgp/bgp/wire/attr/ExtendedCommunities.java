package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.Arrays;

/** EXTENDED_COMMUNITIES (RFC 4360): 8-octet values, type and subtype in the top octets. */
public record ExtendedCommunities(long[] values) implements PathAttribute {

    public ExtendedCommunities {
        values = values.clone();
    }

    public static ExtendedCommunities of(long... values) {
        return new ExtendedCommunities(values);
    }

    /** RFC 7606 §7.14: a length of zero or not a multiple of 8 is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len == 0 || len % 8 != 0) {
            return AttributeErrors.badLength(AttributeType.EXTENDED_COMMUNITIES, len, "a non-zero multiple of 8");
        }
        long[] v = new long[len / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = Bytes.u64(b, off + 8 * i);
        }
        return DecodeResult.ok(new ExtendedCommunities(v));
    }

    public int size() {
        return values.length;
    }

    public long get(int i) {
        return values[i];
    }

    @Override
    public int typeCode() {
        return AttributeType.EXTENDED_COMMUNITIES.code();
    }

    @Override
    public int flags() {
        return AttributeType.EXTENDED_COMMUNITIES.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 8 * values.length;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        for (long v : values) {
            out.u64(v);
        }
    }

    /**
     * ExaBGP: {@code "extended-community": [ { "value": N, "string": "target:65000:100" } ]},
     * the value an unsigned 64-bit number.
     */
    @Override
    public void appendJson(JsonOut json) {
        json.name("extended-community").beginArray();
        for (long v : values) {
            json.beginObject()
                    .name("value").raw(Long.toUnsignedString(v))
                    .field("string", ExtendedCommunityText.format(v))
                    .endObject();
        }
        json.endArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedCommunities c && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExtendedCommunities[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? " " : "").append(ExtendedCommunityText.format(values[i]));
        }
        return sb.append(']').toString();
    }
}
