package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.Arrays;

/** COMMUNITIES (RFC 1997): 32-bit values, kept in received order. */
public record Communities(int[] values) implements PathAttribute {

    /** RFC 1997 well-known communities. */
    public static final int NO_EXPORT = 0xFFFFFF01;
    public static final int NO_ADVERTISE = 0xFFFFFF02;
    public static final int NO_EXPORT_SUBCONFED = 0xFFFFFF03;
    /** RFC 9494 §4.1 (LLGR). */
    public static final int LLGR_STALE = 0xFFFF0006;
    public static final int NO_LLGR = 0xFFFF0007;

    public Communities {
        values = values.clone();
    }

    public static Communities of(int... values) {
        return new Communities(values);
    }

    /** {@code asn:value} with both halves 16 bits, as operators write them. */
    public static int community(int high, int low) {
        return (high & 0xffff) << 16 | (low & 0xffff);
    }

    /** RFC 7606 §7.8: a length of zero or not a multiple of 4 is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len == 0 || len % 4 != 0) {
            return AttributeErrors.badLength(AttributeType.COMMUNITIES, len, "a non-zero multiple of 4");
        }
        int[] v = new int[len / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = Bytes.s32(b, off + 4 * i);
        }
        return DecodeResult.ok(new Communities(v));
    }

    public boolean contains(int community) {
        for (int v : values) {
            if (v == community) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return values.length;
    }

    public int get(int i) {
        return values[i];
    }

    @Override
    public int typeCode() {
        return AttributeType.COMMUNITIES.code();
    }

    @Override
    public int flags() {
        return AttributeType.COMMUNITIES.flags();
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

    /** ExaBGP: {@code "community": [ [ 65000, 1 ], ... ]}. */
    @Override
    public void appendJson(JsonOut json) {
        json.name("community").beginArray();
        for (int v : values) {
            json.beginArray().value(v >>> 16).value(v & 0xffff).endArray();
        }
        json.endArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Communities c && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Communities[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? " " : "").append(values[i] >>> 16).append(':').append(values[i] & 0xffff);
        }
        return sb.append(']').toString();
    }
}
