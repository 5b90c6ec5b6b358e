package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import dev.podbgp.bgp.wire.capability.CapabilitiesJson;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.FourOctetAs;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.inet.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The OPEN message (RFC 4271 §4.2).
 *
 * @param myAs            the 2-octet "My Autonomous System" field: {@link #AS_TRANS} when the
 *                        real AS needs 4 octets (RFC 6793 §4.1); see {@link #asn()}
 * @param otherParameters optional parameters other than capabilities, kept raw (never
 *                        produced by decoding, see {@link OptionalParameter})
 */
public record Open(
        int version,
        int myAs,
        int holdTime,
        Ipv4Address bgpIdentifier,
        List<Capability> capabilities,
        List<OptionalParameter> otherParameters) implements BgpMessage {

    public static final int VERSION = 4;
    /** RFC 6793 §9: the 2-octet stand-in for an AS that needs 4 octets. */
    public static final int AS_TRANS = 23456;

    /** Version, My AS, Hold Time, BGP Identifier, Opt Parm Len. */
    private static final int FIXED_LENGTH = 10;
    /** RFC 4271 §6.2: data of Unsupported Version Number is the largest version we support. */
    private static final byte[] SUPPORTED_VERSION = {0, VERSION};

    public Open {
        Objects.requireNonNull(bgpIdentifier, "bgpIdentifier");
        capabilities = List.copyOf(capabilities);
        otherParameters = List.copyOf(otherParameters);
        if (version >>> 8 != 0 || myAs >>> 16 != 0 || holdTime >>> 16 != 0) {
            throw new IllegalArgumentException("version " + version + ", AS " + myAs + " or hold time " + holdTime + " out of range");
        }
    }

    /**
     * This OPEN with the Graceful Restart capability's R bit set or cleared (RFC 4724 §3); an OPEN
     * without that capability is returned as it is.
     */
    public Open withRestartState(boolean restarted) {
        List<Capability> caps = new ArrayList<>(capabilities.size());
        for (Capability c : capabilities) {
            caps.add(c instanceof GracefulRestart gr ? gr.withRestartState(restarted) : c);
        }
        return caps.equals(capabilities) ? this : new Open(version, myAs, holdTime, bgpIdentifier, caps, otherParameters);
    }

    /** A version 4 OPEN for {@code asn}, putting AS_TRANS in the 2-octet field when needed. */
    public static Open of(long asn, int holdTime, Ipv4Address bgpIdentifier, List<Capability> capabilities) {
        return new Open(VERSION, myAsField(asn), holdTime, bgpIdentifier, capabilities, List.of());
    }

    /** RFC 6793 §4.1: an AS above 65535 is sent as AS_TRANS in the 2-octet field. */
    public static int myAsField(long asn) {
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS " + asn + " is outside 0..4294967295");
        }
        return asn > 0xffff ? AS_TRANS : (int) asn;
    }

    /**
     * The speaker's AS: from the 4-octet AS capability when present (RFC 6793 §4.1, which
     * makes the 2-octet field AS_TRANS for large ASes), else the 2-octet field.
     */
    public long asn() {
        for (Capability c : capabilities) {
            if (c instanceof FourOctetAs f) {
                return f.asn();
            }
        }
        return myAs;
    }

    public boolean has(int capabilityCode) {
        return capabilities.stream().anyMatch(c -> c.code() == capabilityCode);
    }

    /** All capabilities of one kind, in the order received (some are sent once per family). */
    public <T extends Capability> List<T> capabilities(Class<T> type) {
        return capabilities.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Decodes an OPEN body and checks what RFC 4271 §6.2 makes checkable from the bytes
     * alone; the peer AS and collision checks need the session and are not done here.
     */
    public static DecodeResult<Open> decodeBody(byte[] buf, int off, int len) {
        if (len < FIXED_LENGTH) {
            byte[] lengthField = {(byte) ((MessageCodec.HEADER_LENGTH + len) >>> 8), (byte) (MessageCodec.HEADER_LENGTH + len)};
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.BAD_MESSAGE_LENGTH, lengthField,
                    "OPEN body of " + len + " octets (RFC 4271 §4.2 needs " + FIXED_LENGTH + ")"));
        }
        int version = Bytes.u8(buf, off);
        if (version != VERSION) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.UNSUPPORTED_VERSION_NUMBER,
                    SUPPORTED_VERSION, "BGP version " + version + " (RFC 4271 §6.2)"));
        }
        int myAs = Bytes.u16(buf, off + 1);
        int holdTime = Bytes.u16(buf, off + 3);
        if (holdTime == 1 || holdTime == 2) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.UNACCEPTABLE_HOLD_TIME,
                    "hold time " + holdTime + " s (RFC 4271 §6.2: 0 or at least 3)"));
        }
        int identifier = Bytes.s32(buf, off + 5);
        if (identifier == 0) {
            // RFC 6286 §2.2 allows any non-zero 4-octet value; zero stays invalid.
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.BAD_BGP_IDENTIFIER,
                    "BGP identifier 0 (RFC 6286 §2.2)"));
        }
        return switch (OpenParameters.decode(buf, off + 9, len - 9)) {
            case DecodeResult.Ok<List<Capability>> ok -> DecodeResult.ok(new Open(
                    version, myAs, holdTime, new Ipv4Address(identifier), ok.value(), List.of()));
            case DecodeResult.Malformed<List<Capability>> bad -> DecodeResult.malformed(bad.problem());
        };
    }

    @Override
    public MessageType type() {
        return MessageType.OPEN;
    }

    @Override
    public int bodyLength(SessionCapabilities caps) {
        return FIXED_LENGTH - 1 + OpenParameters.length(capabilities, otherParameters);
    }

    @Override
    public void writeBody(WireWriter out, SessionCapabilities caps) {
        out.u8(version).u16(myAs).u16(holdTime).u32(bgpIdentifier.toUnsignedLong());
        OpenParameters.write(out, capabilities, otherParameters);
    }

    /** The {@code "open"} object as ExaBGP prints a received OPEN. */
    public void appendJson(JsonOut out) {
        appendJson(out, false);
    }

    /**
     * ExaBGP prints the 2-octet field for an OPEN it received but its configured 4-octet AS
     * for one it sent, so {@code sent} picks {@link #asn()} instead of {@link #myAs()}.
     */
    public void appendJson(JsonOut out, boolean sent) {
        out.beginObject().field("version", version).field("asn", sent ? asn() : myAs).field("hold_time", holdTime)
                .field("router_id", bgpIdentifier.toString()).name("capabilities");
        CapabilitiesJson.append(out, capabilities);
        out.endObject();
    }
}
