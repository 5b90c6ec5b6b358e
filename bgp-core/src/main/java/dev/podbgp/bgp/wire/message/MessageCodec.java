package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/**
 * The 19-octet message header (RFC 4271 §4.1): framing checks for a length-delimited frame
 * decoder, decoding of one whole message by type, and encoding with the header.
 */
public final class MessageCodec {

    public static final int HEADER_LENGTH = 19;
    private static final int MARKER_LENGTH = 16;
    private static final int LENGTH_OFFSET = 16;
    private static final int TYPE_OFFSET = 18;

    // RFC 4271 §6.1 minimum lengths per type, header included.
    private static final int MIN_OPEN = 29;
    private static final int MIN_UPDATE = 23;
    private static final int MIN_NOTIFICATION = 21;

    private MessageCodec() {}

    /**
     * The length of the message starting at {@code off}, once its header is checked.
     * {@code Ok(0)} means fewer than 19 octets are available: read more. A malformed result
     * carries the RFC 4271 §6.1 Message Header Error to send before closing.
     *
     * <p>ROUTE-REFRESH lengths are checked by {@link #decode}, since RFC 7313 §5 wants the
     * whole message as the error's data.
     */
    public static DecodeResult<Integer> frameLength(byte[] buf, int off, int available, SessionCapabilities caps) {
        if (available < HEADER_LENGTH) {
            return DecodeResult.ok(0);
        }
        for (int i = 0; i < MARKER_LENGTH; i++) {
            if (buf[off + i] != (byte) 0xff) {
                return DecodeResult.malformed(Malformation.sessionReset(BgpError.CONNECTION_NOT_SYNCHRONIZED,
                        "marker octet " + i + " is not 0xFF (RFC 4271 §6.1)"));
            }
        }
        int length = Bytes.u16(buf, off + LENGTH_OFFSET);
        int typeCode = Bytes.u8(buf, off + TYPE_OFFSET);
        if (length < HEADER_LENGTH || length > caps.maxMessageSize()) {
            return badLength(buf, off, "length " + length + " outside " + HEADER_LENGTH + ".." + caps.maxMessageSize());
        }
        MessageType type = MessageType.of(typeCode);
        if (type == null) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.BAD_MESSAGE_TYPE,
                    new byte[] {(byte) typeCode}, "message type " + typeCode + " (RFC 4271 §6.1)"));
        }
        String problem = switch (type) {
            // RFC 8654 §4: extended message size never applies to OPEN (nor KEEPALIVE).
            case OPEN -> length < MIN_OPEN || length > SessionCapabilities.MAX_MESSAGE_SIZE ? "OPEN" : null;
            case UPDATE -> length < MIN_UPDATE ? "UPDATE" : null;
            case NOTIFICATION -> length < MIN_NOTIFICATION ? "NOTIFICATION" : null;
            case KEEPALIVE -> length != HEADER_LENGTH ? "KEEPALIVE" : null;
            case ROUTE_REFRESH -> null;
        };
        if (problem != null) {
            return badLength(buf, off, problem + " of length " + length);
        }
        return DecodeResult.ok(length);
    }

    /** RFC 4271 §6.1: Bad Message Length carries the erroneous Length field. */
    private static <T> DecodeResult<T> badLength(byte[] buf, int off, String reason) {
        return DecodeResult.malformed(Malformation.sessionReset(BgpError.BAD_MESSAGE_LENGTH,
                Bytes.copy(buf, off + LENGTH_OFFSET, 2), reason + " (RFC 4271 §6.1)"));
    }

    /** Decodes exactly one message of {@code len} octets, header included. Never throws for bad bytes. */
    public static DecodeResult<BgpMessage> decode(byte[] buf, int off, int len, SessionCapabilities caps) {
        if (len < HEADER_LENGTH) {
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.BAD_MESSAGE_LENGTH,
                    new byte[] {(byte) (len >>> 8), (byte) len}, "message of " + len + " octets has no whole header"));
        }
        DecodeResult<Integer> frame = frameLength(buf, off, len, caps);
        if (frame instanceof DecodeResult.Malformed<Integer> bad) {
            return DecodeResult.malformed(bad.problem());
        }
        int length = frame.orThrow();
        if (length != len) {
            return badLength(buf, off, "header says " + length + " octets but the frame has " + len);
        }
        int body = off + HEADER_LENGTH;
        int bodyLen = len - HEADER_LENGTH;
        return switch (MessageType.of(Bytes.u8(buf, off + TYPE_OFFSET))) {
            case OPEN -> widen(Open.decodeBody(buf, body, bodyLen));
            case UPDATE -> widen(Update.decodeBody(buf, body, bodyLen, caps));
            case NOTIFICATION -> widen(Notification.decodeBody(buf, body, bodyLen));
            case KEEPALIVE -> widen(Keepalive.decodeBody(buf, body, bodyLen));
            case ROUTE_REFRESH -> widen(RouteRefresh.decodeMessage(buf, off, len));
        };
    }

    private static DecodeResult<BgpMessage> widen(DecodeResult<? extends BgpMessage> result) {
        return switch (result) {
            case DecodeResult.Ok<? extends BgpMessage> ok -> DecodeResult.ok(ok.value(), ok.repaired());
            case DecodeResult.Malformed<? extends BgpMessage> bad -> DecodeResult.malformed(bad.problem());
        };
    }

    /**
     * Header and body, sized exactly. A message too long for the session is a bug in the
     * caller (UPDATE packing must respect {@link SessionCapabilities#maxMessageSize()}).
     */
    public static byte[] encode(BgpMessage m, SessionCapabilities caps) {
        int total = HEADER_LENGTH + m.bodyLength(caps);
        int max = m instanceof Open || m instanceof Keepalive ? SessionCapabilities.MAX_MESSAGE_SIZE : caps.maxMessageSize();
        if (total > max) {
            throw new IllegalArgumentException(m.type() + " of " + total + " octets exceeds " + max);
        }
        WireWriter out = new WireWriter(total);
        for (int i = 0; i < MARKER_LENGTH; i++) {
            out.u8(0xff);
        }
        out.u16(total).u8(m.type().code());
        m.writeBody(out, caps);
        return out.toByteArray();
    }
}
