package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.inet.Ipv4Address;

/**
 * AGGREGATOR (RFC 4271 §5.1.7) with a 4-octet AS (RFC 6793). On 2-octet sessions an AS
 * above 65535 is sent as AS_TRANS and the real one in AS4_AGGREGATOR, by {@link PathAttributes}.
 */
public record Aggregator(long asn, Ipv4Address address) implements PathAttribute {

    public Aggregator {
        AsPath.checkedAsn(asn);
    }

    /** RFC 7606 §7.7: 6 octets on 2-octet sessions, 8 on 4-octet ones; else attribute discard. */
    static DecodeResult<PathAttribute> decode(byte[] b, int off, int len, boolean fourOctet, AttributeType as) {
        int expected = fourOctet ? 8 : 6;
        if (len != expected) {
            return AttributeErrors.badLength(as, len, String.valueOf(expected));
        }
        long asn = fourOctet ? Bytes.u32(b, off) : Bytes.u16(b, off);
        return DecodeResult.ok(new Aggregator(asn, Ipv4Address.ofBytes(b, off + len - 4)));
    }

    boolean needsAs4() {
        return asn > 0xFFFF;
    }

    @Override
    public int typeCode() {
        return AttributeType.AGGREGATOR.code();
    }

    @Override
    public int flags() {
        return AttributeType.AGGREGATOR.flags();
    }

    @Override
    public int valueLength(SessionCapabilities caps) {
        return caps.fourOctetAs() ? 8 : 6;
    }

    @Override
    public void writeValue(WireWriter out, SessionCapabilities caps) {
        write(out, caps.fourOctetAs());
    }

    void write(WireWriter out, boolean fourOctet) {
        if (fourOctet) {
            out.u32(asn);
        } else {
            out.u16(needsAs4() ? AsPath.AS_TRANS : (int) asn);
        }
        out.u32(address.toUnsignedLong());
    }

    /** ExaBGP: {@code "aggregator": "65001:192.0.2.9"}. */
    @Override
    public void appendJson(JsonOut json) {
        json.field("aggregator", asn + ":" + address);
    }
}
