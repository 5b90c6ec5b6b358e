package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.nlri.Nlri;

/**
 * MP_UNREACH_NLRI (RFC 4760 §4). With no prefixes and as the only attribute it is the
 * End-of-RIB marker of its family (RFC 4724 §2).
 */
public record MpUnreachNlri(Family family, Nlri withdrawn) implements PathAttribute {

    public MpUnreachNlri {
        if (!withdrawn.family().equals(family)) {
            throw new IllegalArgumentException(withdrawn.family() + " NLRI in a " + family + " MP_UNREACH_NLRI");
        }
    }

    /** RFC 7606 §7.11: unparseable withdrawals reset the session; unknown families are ignored. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len, SessionCapabilities caps) {
        if (len < 3) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.OPTIONAL_ATTRIBUTE_ERROR,
                    "MP_UNREACH_NLRI length " + len + " is shorter than its fixed fields"));
        }
        Family family = Family.of(Bytes.u16(b, off), Bytes.u8(b, off + 2));
        if (!family.isSupported()) {
            return DecodeResult.malformed(Malformation.discard(BgpError.OPTIONAL_ATTRIBUTE_ERROR, null,
                    "MP_UNREACH_NLRI for " + family + ", which podbgp does not route"));
        }
        return switch (Nlri.decode(family, caps.receivesPathIds(family), b, off + 3, len - 3,
                BgpError.OPTIONAL_ATTRIBUTE_ERROR)) {
            case DecodeResult.Ok<Nlri> ok -> DecodeResult.ok(new MpUnreachNlri(family, ok.value()));
            case DecodeResult.Malformed<Nlri> m -> DecodeResult.malformed(m.problem());
        };
    }

    @Override
    public int typeCode() {
        return AttributeType.MP_UNREACH_NLRI.code();
    }

    @Override
    public int flags() {
        return AttributeType.MP_UNREACH_NLRI.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return 3 + withdrawn.encodedLength();
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        out.u16(family.afi()).u8(family.safi());
        withdrawn.writeTo(out);
    }

    /** Rendered under "withdraw" by the UPDATE. */
    @Override
    public void appendJson(JsonOut json) {}
}
