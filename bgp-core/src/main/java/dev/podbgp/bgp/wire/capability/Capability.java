package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.WireWriter;

/**
 * One capability TLV (RFC 5492 §4): a one-octet code, a one-octet length and a value. Records
 * know their value; the code/length pair is written here.
 */
public sealed interface Capability
        permits Multiprotocol, EmptyCapability, ExtendedNextHop, GracefulRestart, FourOctetAs, AddPath,
                LongLivedGracefulRestart, Fqdn, UnknownCapability {

    int MULTIPROTOCOL = 1;
    int ROUTE_REFRESH = 2;
    int EXTENDED_NEXT_HOP = 5;
    int EXTENDED_MESSAGE = 6;
    int GRACEFUL_RESTART = 64;
    int FOUR_OCTET_AS = 65;
    int ADD_PATH = 69;
    int ENHANCED_ROUTE_REFRESH = 70;
    int LONG_LIVED_GRACEFUL_RESTART = 71;
    int FQDN = 73;
    /** Pre-standard route refresh, still sent next to code 2 by Cisco and FRR. */
    int CISCO_ROUTE_REFRESH = 128;

    /** The largest value a one-octet capability length can describe. */
    int MAX_VALUE_LENGTH = 255;

    int code();

    /** Value length in octets, at most {@link #MAX_VALUE_LENGTH} (records check this when built). */
    int valueLength();

    /** Writes exactly {@link #valueLength()} octets. */
    void writeValue(WireWriter out);

    /** The capability as ExaBGP 4.2 prints it inside an OPEN's {@code "capabilities"} object. */
    void appendJson(JsonOut out);

    /** Code, length and value. */
    default int encodedLength() {
        return 2 + valueLength();
    }

    default void writeTo(WireWriter out) {
        out.u8(code()).u8(valueLength());
        writeValue(out);
    }

    /**
     * Decodes one capability value of {@code len} octets at {@code off}. Codes we do not
     * model become {@link UnknownCapability} (RFC 5492 §3: unknown capabilities are ignored,
     * not errors); a known code with a value of the wrong shape is malformed.
     */
    static DecodeResult<Capability> decode(int code, byte[] buf, int off, int len) {
        return switch (code) {
            case MULTIPROTOCOL -> Multiprotocol.decode(buf, off, len);
            case ROUTE_REFRESH -> RouteRefreshCapability.decode(len);
            case EXTENDED_NEXT_HOP -> ExtendedNextHop.decode(buf, off, len);
            case EXTENDED_MESSAGE -> ExtendedMessage.decode(len);
            case GRACEFUL_RESTART -> GracefulRestart.decode(buf, off, len);
            case FOUR_OCTET_AS -> FourOctetAs.decode(buf, off, len);
            case ADD_PATH -> AddPath.decode(buf, off, len);
            case ENHANCED_ROUTE_REFRESH -> EnhancedRouteRefresh.decode(len);
            case LONG_LIVED_GRACEFUL_RESTART -> LongLivedGracefulRestart.decode(buf, off, len);
            case FQDN -> Fqdn.decode(buf, off, len);
            case CISCO_ROUTE_REFRESH -> CiscoRouteRefresh.decode(len);
            default -> DecodeResult.ok(UnknownCapability.of(code, buf, off, len));
        };
    }

    /**
     * A capability value with the wrong length or structure. RFC 5492 names no subcode for
     * this, so it is the unspecific OPEN error (as ExaBGP, FRR and BIRD send).
     */
    static <T> DecodeResult<T> malformed(int code, int len, String what) {
        return DecodeResult.malformed(Malformation.sessionReset(
                BgpError.OPEN_UNSPECIFIC, "capability " + code + " with " + len + " octets: " + what));
    }
}
