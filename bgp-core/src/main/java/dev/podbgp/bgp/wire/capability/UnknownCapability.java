package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.Arrays;

/** A capability podbgp does not model, kept raw so it can be logged and shown (RFC 5492 §3). */
public record UnknownCapability(int code, byte[] value) implements Capability {

    public UnknownCapability {
        if (code >>> 8 != 0) {
            throw new IllegalArgumentException("capability code " + code + " does not fit one octet");
        }
        value = value.clone();
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("capability value of " + value.length + " octets");
        }
    }

    static UnknownCapability of(int code, byte[] buf, int off, int len) {
        return new UnknownCapability(code, Bytes.copy(buf, off, len));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public int valueLength() {
        return value.length;
    }

    @Override
    public void writeValue(WireWriter out) {
        out.bytes(value);
    }

    @Override
    public void appendJson(JsonOut out) {
        appendJson(out, code, value);
    }

    /**
     * ExaBGP's rendering of a capability it has no class for. ExaBGP 4.2 also names a few
     * codes podbgp keeps raw (multisession 68 and 131, its private operational 185).
     */
    static void appendJson(JsonOut out, int code, byte[] value) {
        switch (code) {
            case 68, 131 -> out.beginObject().field("name", "multisession")
                    .field("variant", code == 68 ? "RFC" : "Cisco").name("capabilities").beginArray().endArray()
                    .endObject();
            case 185 -> out.beginObject().field("name", "operational").endObject();
            default -> out.beginObject().field("name", "unknown").field("iana", iana(code)).field("value", code)
                    .field("raw", Bytes.hex(value)).endObject();
        }
    }

    /** ExaBGP's classification of capability codes (IANA registry as of ExaBGP 4.2). */
    private static String iana(int code) {
        if (code >= 128) {
            return "reserved";
        }
        return code >= 70 ? "unassigned" : "unknown";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownCapability u && u.code == code && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "UnknownCapability[code=" + code + ", value=" + Bytes.hex(value) + "]";
    }
}
