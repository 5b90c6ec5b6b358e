package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.List;

/**
 * Multiprotocol extensions (RFC 4760 §8): one AFI/SAFI per capability; a speaker sends one
 * capability per family.
 */
public record Multiprotocol(Family family) implements Capability {

    public Multiprotocol {
        java.util.Objects.requireNonNull(family, "family");
    }

    static DecodeResult<Capability> decode(byte[] buf, int off, int len) {
        if (len != 4) {
            return Capability.malformed(MULTIPROTOCOL, len, "RFC 4760 §8 value is AFI, reserved, SAFI (4 octets)");
        }
        // The reserved octet is ignored on receipt (RFC 4760 §8).
        return DecodeResult.ok(new Multiprotocol(Family.of(Bytes.u16(buf, off), Bytes.u8(buf, off + 3))));
    }

    @Override
    public int code() {
        return MULTIPROTOCOL;
    }

    @Override
    public int valueLength() {
        return 4;
    }

    @Override
    public void writeValue(WireWriter out) {
        out.u16(family.afi()).u8(0).u8(family.safi());
    }

    @Override
    public void appendJson(JsonOut out) {
        appendJson(out, List.of(family));
    }

    /** ExaBGP folds every multiprotocol capability of one OPEN into a single entry listing all families. */
    static void appendJson(JsonOut out, List<Family> families) {
        out.beginObject().field("name", "multiprotocol").name("families").beginArray();
        for (Family f : families) {
            out.value(slashName(f));
        }
        out.endArray().endObject();
    }

    /** ExaBGP's {@code afi/safi} spelling used inside capabilities. */
    static String slashName(Family f) {
        return f.afiName() + "/" + f.safiName();
    }
}
