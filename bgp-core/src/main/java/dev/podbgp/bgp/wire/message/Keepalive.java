package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/** The KEEPALIVE message (RFC 4271 §4.4): the header alone. */
public record Keepalive() implements BgpMessage {

    public static final Keepalive INSTANCE = new Keepalive();

    /** RFC 4271 §6.1: a KEEPALIVE of any length but 19 is Bad Message Length. */
    public static DecodeResult<Keepalive> decodeBody(byte[] buf, int off, int len) {
        if (len != 0) {
            int total = MessageCodec.HEADER_LENGTH + len;
            return DecodeResult.malformed(Malformation.sessionReset(BgpError.BAD_MESSAGE_LENGTH,
                    new byte[] {(byte) (total >>> 8), (byte) total}, "KEEPALIVE of " + total + " octets (RFC 4271 §6.1)"));
        }
        return DecodeResult.ok(INSTANCE);
    }

    @Override
    public MessageType type() {
        return MessageType.KEEPALIVE;
    }

    @Override
    public int bodyLength(SessionCapabilities caps) {
        return 0;
    }

    @Override
    public void writeBody(WireWriter out, SessionCapabilities caps) {}
}
