package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.WireWriter;

/** Support for 4-octet AS numbers (RFC 6793 §3): the speaker's real AS, 4 octets. */
public record FourOctetAs(long asn) implements Capability {

    public FourOctetAs {
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS " + asn + " is outside 0..4294967295");
        }
    }

    static DecodeResult<Capability> decode(byte[] buf, int off, int len) {
        if (len != 4) {
            return Capability.malformed(FOUR_OCTET_AS, len, "RFC 6793 §3 value is a 4-octet AS");
        }
        return DecodeResult.ok(new FourOctetAs(Bytes.u32(buf, off)));
    }

    @Override
    public int code() {
        return FOUR_OCTET_AS;
    }

    @Override
    public int valueLength() {
        return 4;
    }

    @Override
    public void writeValue(WireWriter out) {
        out.u32(asn);
    }

    @Override
    public void appendJson(JsonOut out) {
        out.beginObject().field("name", "asn4").field("asn4", asn).endObject();
    }
}
