package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.inet.Ipv4Address;
import java.util.Arrays;

/** CLUSTER_LIST (RFC 4456 §8): the reflection path, most recent cluster first. */
public record ClusterList(int[] ids) implements PathAttribute {

    public ClusterList {
        ids = ids.clone();
    }

    /** RFC 7606 §7.10: a length of zero or not a multiple of 4 is treat-as-withdraw. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len) {
        if (len == 0 || len % 4 != 0) {
            return AttributeErrors.badLength(AttributeType.CLUSTER_LIST, len, "a non-zero multiple of 4");
        }
        int[] v = new int[len / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = Bytes.s32(b, off + 4 * i);
        }
        return DecodeResult.ok(new ClusterList(v));
    }

    public int size() {
        return ids.length;
    }

    public boolean contains(Ipv4Address clusterId) {
        for (int id : ids) {
            if (id == clusterId.bits()) {
                return true;
            }
        }
        return false;
    }

    /** RFC 4456 §8: a reflector prepends its own cluster id. */
    public ClusterList prepend(Ipv4Address clusterId) {
        int[] out = new int[ids.length + 1];
        out[0] = clusterId.bits();
        System.arraycopy(ids, 0, out, 1, ids.length);
        return new ClusterList(out);
    }

    @Override
    public int typeCode() {
        return AttributeType.CLUSTER_LIST.code();
    }

    @Override
    public int flags() {
        return AttributeType.CLUSTER_LIST.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 4 * ids.length;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        for (int id : ids) {
            out.u32(id & 0xFFFF_FFFFL);
        }
    }

    /** ExaBGP: {@code "cluster-list": [ "192.0.2.1", ... ]}. */
    @Override
    public void appendJson(JsonOut json) {
        json.name("cluster-list").beginArray();
        for (int id : ids) {
            json.value(new Ipv4Address(id).toString());
        }
        json.endArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterList c && Arrays.equals(c.ids, ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ClusterList[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i > 0 ? " " : "").append(new Ipv4Address(ids[i]));
        }
        return sb.append(']').toString();
    }
}
