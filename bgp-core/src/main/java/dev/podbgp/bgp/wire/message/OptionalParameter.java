package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.Bytes;
import java.util.Arrays;

/**
 * An OPEN optional parameter other than capabilities (RFC 4271 §4.2), kept raw. A received
 * one is always an error (RFC 4271 §6.2, Unsupported Optional Parameter), so these only
 * appear in OPENs we build, e.g. to test how a peer reacts.
 */
public record OptionalParameter(int type, byte[] value) {

    /** RFC 5492 §4. */
    public static final int CAPABILITIES = 2;
    /** RFC 9072 §2: marks the extended length encoding; never a real parameter type. */
    public static final int EXTENDED_LENGTH = 255;

    public OptionalParameter {
        if (type >>> 8 != 0 || type == CAPABILITIES || type == EXTENDED_LENGTH) {
            throw new IllegalArgumentException("optional parameter type " + type + " is not a raw parameter");
        }
        value = value.clone();
        if (value.length > 0xffff) {
            throw new IllegalArgumentException("optional parameter of " + value.length + " octets");
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionalParameter p && p.type == type && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "OptionalParameter[type=" + type + ", value=" + Bytes.hex(value) + "]";
    }
}
