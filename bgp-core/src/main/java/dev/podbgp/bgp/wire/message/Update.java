package dev.podbgp.bgp.wire.message;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;
import java.util.Arrays;

/**
 * PLACEHOLDER so branch h1 compiles: the lead's real UPDATE replaces this file. It keeps the
 * body bytes and nothing else.
 */
public record Update(byte[] body) implements BgpMessage {

    public static DecodeResult<Update> decodeBody(byte[] buf, int off, int len, SessionCapabilities caps) {
        return DecodeResult.ok(new Update(Arrays.copyOfRange(buf, off, off + len)));
    }

    @Override
    public MessageType type() {
        return MessageType.UPDATE;
    }

    @Override
    public int bodyLength(SessionCapabilities caps) {
        return body.length;
    }

    @Override
    public void writeBody(WireWriter out, SessionCapabilities caps) {
        out.bytes(body);
    }
}
