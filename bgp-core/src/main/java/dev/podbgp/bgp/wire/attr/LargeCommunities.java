package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.Arrays;

/**
 * LARGE_COMMUNITY (RFC 8092): triples of unsigned 32-bit values (global administrator,
 * local data 1, local data 2), flattened into one array of 3n ints.
 */
public record LargeCommunities(int[] values) implements PathAttribute {

    public LargeCommunities {
        if (values.length % 3 != 0) {
            throw new IllegalArgumentException("large communities come in triples");
        }
        values = values.clone();
    }

    public static LargeCommunities of(long... triples) {
        int[] v = new int[triples.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = AsPath.checkedAsn(triples[i]);
        }
        return new LargeCommunities(v);
    }

    /** RFC 8092 §6: a length of zero or not a multiple of 12 is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len == 0 || len % 12 != 0) {
            return AttributeErrors.badLength(AttributeType.LARGE_COMMUNITIES, len, "a non-zero multiple of 12");
        }
        int[] v = new int[len / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = Bytes.s32(b, off + 4 * i);
        }
        return DecodeResult.ok(new LargeCommunities(v));
    }

    public int size() {
        return values.length / 3;
    }

    /** Part {@code part} (0..2) of the i-th community, unsigned. */
    public long get(int i, int part) {
        return values[3 * i + part] & 0xFFFF_FFFFL;
    }

    @Override
    public int typeCode() {
        return AttributeType.LARGE_COMMUNITIES.code();
    }

    @Override
    public int flags() {
        return AttributeType.LARGE_COMMUNITIES.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 4 * values.length;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        for (int v : values) {
            out.u32(v & 0xFFFF_FFFFL);
        }
    }

    /** ExaBGP: {@code "large-community": [ [ 65000, 1, 2 ], ... ]}. */
    @Override
    public void appendJson(JsonOut json) {
        json.name("large-community").beginArray();
        for (int i = 0; i < size(); i++) {
            json.beginArray().value(get(i, 0)).value(get(i, 1)).value(get(i, 2)).endArray();
        }
        json.endArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LargeCommunities c && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LargeCommunities[");
        for (int i = 0; i < size(); i++) {
            sb.append(i > 0 ? " " : "").append(get(i, 0)).append(':').append(get(i, 1)).append(':').append(get(i, 2));
        }
        return sb.append(']').toString();
    }
}
