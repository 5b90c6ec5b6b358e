package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.Arrays;

/**
 * An optional attribute podbgp does not interpret, kept raw with the flags it arrived with.
 * RFC 4271 §5: an unrecognised optional transitive attribute is passed on with the Partial
 * bit set ({@link #forPropagation()}); a non-transitive one is not passed on at all.
 */
public record UnknownAttribute(int flags, int typeCode, byte[] value) implements PathAttribute {

    public UnknownAttribute {
        flags &= 0xE0; // the extended-length bit and the unused low bits are not part of the value
        value = value.clone();
    }

    public boolean isTransitive() {
        return (flags & AttributeType.FLAG_TRANSITIVE) != 0;
    }

    /** The attribute as we re-advertise it, or {@code null} when it must not travel further. */
    public UnknownAttribute forPropagation() {
        if (!isTransitive()) {
            return null;
        }
        return (flags & AttributeType.FLAG_PARTIAL) != 0 ? this
                : new UnknownAttribute(flags | AttributeType.FLAG_PARTIAL, typeCode, value);
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return value.length;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        out.bytes(value);
    }

    /**
     * ExaBGP: {@code "attribute-0xNN-0xFF": "0xvalue"}: the type and the flags as it would pass
     * them on (Partial set), upper-case; the value in lower-case hex.
     */
    @Override
    public void appendJson(JsonOut json) {
        if (!isTransitive()) {
            return; // never passed on, and ExaBGP does not show it
        }
        json.field(String.format("attribute-0x%02X-0x%02X", typeCode, forPropagation().flags()),
                "0x" + Bytes.hex(value).toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownAttribute u && u.flags == flags && u.typeCode == typeCode
                && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return (typeCode * 31 + flags) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "UnknownAttribute[type=" + typeCode + ", flags=0x" + Integer.toHexString(flags) + ", value=0x"
                + Bytes.hex(value) + "]";
    }
}
