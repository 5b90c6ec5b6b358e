package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/**
 * The ROUTE-REFRESH message (RFC 2918 §3) with the RFC 7313 §3 message subtype in the
 * formerly reserved octet.
 *
 * @param subtype {@link #NORMAL}, {@link #BEGIN} (BoRR) or {@link #END} (EoRR); other values
 *                are decoded and kept so the session can ignore them (RFC 7313 §5)
 */
public record RouteRefresh(Family family, int subtype) implements BgpMessage {

    public static final int NORMAL = 0;
    public static final int BEGIN = 1;
    public static final int END = 2;

    private static final int BODY_LENGTH = 4;

    public RouteRefresh {
        java.util.Objects.requireNonNull(family, "family");
        if (subtype >>> 8 != 0) {
            throw new IllegalArgumentException("subtype " + subtype + " does not fit one octet");
        }
    }

    public static RouteRefresh normal(Family family) {
        return new RouteRefresh(family, NORMAL);
    }

    /** RFC 7313 §5: a subtype other than 0, 1, 2 means the message MUST be ignored. */
    public boolean isKnownSubtype() {
        return subtype <= END;
    }

    /**
     * Decodes a whole message ({@code off} at the marker): RFC 7313 §5 makes the complete
     * message the data of the Invalid Message Length error, so the header is needed here.
     */
    public static DecodeResult<RouteRefresh> decodeMessage(byte[] buf, int off, int len) {
        int body = len - MessageCodec.HEADER_LENGTH;
        if (body != BODY_LENGTH) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.ROUTE_REFRESH_INVALID_MESSAGE_LENGTH,
                    Bytes.copy(buf, off, len), "ROUTE-REFRESH body of " + body + " octets (RFC 7313 §5)"));
        }
        int p = off + MessageCodec.HEADER_LENGTH;
        return DecodeResult.ok(new RouteRefresh(Family.of(Bytes.u16(buf, p), Bytes.u8(buf, p + 3)), Bytes.u8(buf, p + 2)));
    }

    @Override
    public MessageType type() {
        return MessageType.ROUTE_REFRESH;
    }

    @Override
    public int bodyLength(SessionCapabilities caps) {
        return BODY_LENGTH;
    }

    @Override
    public void writeBody(WireWriter out, SessionCapabilities caps) {
        out.u16(family.afi()).u8(subtype).u8(family.safi());
    }

    /** The {@code "route-refresh"} object as ExaBGP 4.2 prints it. */
    public void appendJson(JsonOut out) {
        String name = switch (subtype) {
            case NORMAL -> "query";
            case BEGIN -> "begin";
            case END -> "end";
            default -> "invalid";
        };
        out.beginObject().field("afi", family.afiName()).field("safi", family.safiName()).field("subtype", name)
                .endObject();
    }
}
