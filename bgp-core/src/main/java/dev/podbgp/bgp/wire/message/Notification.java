package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.JsonOut;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The NOTIFICATION message (RFC 4271 §4.5): error code, subcode and data. For Cease /
 * Administrative Shutdown and Administrative Reset the data may be an RFC 9003 shutdown
 * communication; a malformed one is still a valid NOTIFICATION (RFC 9003 §2 forbids acting
 * on it), so the data is always kept raw and interpreted on request. Cease / Hard Reset
 * (RFC 8538 §3) carries the NOTIFICATION it stands for in its data, read by {@link #hardResetCause()}.
 */
public record Notification(int code, int subcode, byte[] data) implements BgpMessage {

    /** RFC 9003 §2: the communication is at most 255 octets of UTF-8. */
    public static final int MAX_SHUTDOWN_COMMUNICATION = 255;

    public Notification {
        if (code >>> 8 != 0 || subcode >>> 8 != 0) {
            throw new IllegalArgumentException("code " + code + "/" + subcode + " does not fit one octet each");
        }
        data = data.clone();
    }

    public static Notification of(BgpError error) {
        return new Notification(error.code(), error.subcode(), new byte[0]);
    }

    public static Notification of(BgpError error, byte[] data) {
        return new Notification(error.code(), error.subcode(), data);
    }

    /** The NOTIFICATION that reports a malformed message back to the peer. */
    public static Notification of(Malformation problem) {
        return of(problem.error(), problem.data());
    }

    /** Cease with an RFC 9003 shutdown communication; an empty message sends length 0. */
    public static Notification shutdown(BgpError error, String message) {
        if (!carriesCommunication(error.code(), error.subcode())) {
            throw new IllegalArgumentException(error + " does not carry a shutdown communication (RFC 9003 §2)");
        }
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_SHUTDOWN_COMMUNICATION) {
            throw new IllegalArgumentException("shutdown communication of " + text.length + " octets (RFC 9003 §2: at most 255)");
        }
        byte[] data = new byte[1 + text.length];
        data[0] = (byte) text.length;
        System.arraycopy(text, 0, data, 1, text.length);
        return new Notification(error.code(), error.subcode(), data);
    }

    /**
     * RFC 8538 §3: Cease / Hard Reset whose data is {@code cause}'s code, subcode and data, so the
     * peer learns why the session ends while knowing it must not keep our routes.
     */
    public static Notification hardReset(Notification cause) {
        if (cause.isHardReset()) {
            throw new IllegalArgumentException("a Hard Reset does not encapsulate another one: " + cause);
        }
        byte[] data = new byte[2 + cause.data.length];
        data[0] = (byte) cause.code;
        data[1] = (byte) cause.subcode;
        System.arraycopy(cause.data, 0, data, 2, cause.data.length);
        return of(BgpError.CEASE_HARD_RESET, data);
    }

    public static DecodeResult<Notification> decodeBody(byte[] buf, int off, int len) {
        if (len < 2) {
            byte[] lengthField = {0, (byte) (MessageCodec.HEADER_LENGTH + len)};
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.BAD_MESSAGE_LENGTH, lengthField,
                    "NOTIFICATION body of " + len + " octets (RFC 4271 §4.5 needs 2)"));
        }
        return DecodeResult.ok(new Notification(Bytes.u8(buf, off), Bytes.u8(buf, off + 1), Bytes.copy(buf, off + 2, len - 2)));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The named error, or empty for a code/subcode pair {@link BgpError} does not list. */
    public Optional<BgpError> error() {
        return Optional.ofNullable(BgpError.of(code, subcode));
    }

    /** Cease / Hard Reset (RFC 8538 §3): the session ends without graceful restart, whatever N said. */
    public boolean isHardReset() {
        return code == BgpError.CODE_CEASE && subcode == BgpError.CEASE_HARD_RESET.subcode();
    }

    /**
     * The NOTIFICATION a Hard Reset encapsulates (RFC 8538 §3: ErrCode, Subcode, Data). Empty
     * when this is no Hard Reset, or one whose data is too short to hold a code and subcode; it
     * is a Hard Reset all the same.
     */
    public Optional<Notification> hardResetCause() {
        if (!isHardReset() || data.length < 2) {
            return Optional.empty();
        }
        return Optional.of(new Notification(data[0] & 0xff, data[1] & 0xff, Arrays.copyOfRange(data, 2, data.length)));
    }

    /** {@code code/subcode} for logs, with the encapsulated pair of a Hard Reset: {@code 6/9(6/2)}. */
    public String codes() {
        return code + "/" + subcode + hardResetCause().map(c -> "(" + c.code + "/" + c.subcode + ")").orElse("");
    }

    /**
     * The RFC 9003 shutdown communication: present only for Cease subcodes 2 and 4 whose
     * data is exactly a length octet and that many octets of valid UTF-8, length non-zero.
     */
    public Optional<String> shutdownCommunication() {
        if (!carriesCommunication(code, subcode) || data.length < 2 || (data[0] & 0xff) != data.length - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, 1, data.length - 1)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * True when data is present where a shutdown communication belongs but is not a valid
     * one (RFC 9003 §2: log it, do not act on it). A single zero length octet is valid.
     */
    public boolean hasMalformedShutdownCommunication() {
        if (!carriesCommunication(code, subcode) || data.length == 0) {
            return false;
        }
        boolean emptyOk = data.length == 1 && data[0] == 0;
        return !emptyOk && shutdownCommunication().isEmpty();
    }

    private static boolean carriesCommunication(int code, int subcode) {
        return code == BgpError.CODE_CEASE
                && (subcode == BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN.subcode()
                        || subcode == BgpError.CEASE_ADMINISTRATIVE_RESET.subcode());
    }

    @Override
    public MessageType type() {
        return MessageType.NOTIFICATION;
    }

    @Override
    public int bodyLength(SessionCapabilities caps) {
        return 2 + data.length;
    }

    @Override
    public void writeBody(WireWriter out, SessionCapabilities caps) {
        out.u8(code).u8(subcode).bytes(data);
    }

    /**
     * The {@code "notification"} object as ExaBGP 4.2 prints it: data as {@code 0x}-hex.
     * ExaBGP substitutes its own text for a zero-length shutdown communication and prints
     * the hex of that text; we do the same so consumers see identical data.
     */
    public void appendJson(JsonOut out) {
        byte[] shown = carriesCommunication(code, subcode) && data.length == 1 && data[0] == 0
                ? "empty Shutdown Communication.".getBytes(StandardCharsets.US_ASCII)
                : data;
        out.beginObject().field("code", code).field("subcode", subcode).field("data", "0x" + Bytes.hex(shown)).endObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notification n && n.code == code && n.subcode == subcode && Arrays.equals(n.data, data);
    }

    @Override
    public int hashCode() {
        return (code * 256 + subcode) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Notification[code=" + code + ", subcode=" + subcode + ", data=" + Bytes.hex(data) + "]";
    }
}
