package dev.podbgp.bgp.transport;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the TCP stream into BGP messages and decodes each one, emitting a
 * {@link DecodeResult}{@code <BgpMessage>} per message.
 *
 * <p>A broken header leaves no way to find the next message, so after the first
 * {@link DecodeResult.Malformed} this decoder drops everything that follows (Netty's
 * BAD_MESSAGE pattern) and the session sends the NOTIFICATION and closes. The codec context
 * changes once the OPENs are exchanged (4-octet AS, ADD-PATH, extended message); the
 * session sets it on the channel's event loop, the only thread that runs this decoder.
 */
public final class BgpFrameDecoder extends ByteToMessageDecoder {

    private final byte[] header = new byte[MessageCodec.HEADER_LENGTH];
    // Written by the peer's event loop when the OPENs are accepted; read here. The peer cannot send
    // UPDATEs before our KEEPALIVE, which is sent after the write, so no frame needs the old value.
    private volatile SessionCapabilities capabilities = SessionCapabilities.RFC4271;
    private boolean broken;

    public void capabilities(SessionCapabilities negotiated) {
        this.capabilities = negotiated;
    }

    public SessionCapabilities capabilities() {
        return capabilities;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= MessageCodec.HEADER_LENGTH) {
            in.getBytes(in.readerIndex(), header);
            DecodeResult<Integer> frame = MessageCodec.frameLength(header, 0, header.length, capabilities);
            if (frame instanceof DecodeResult.Malformed<Integer> bad) {
                broken = true;
                in.skipBytes(in.readableBytes());
                out.add(DecodeResult.<BgpMessage>malformed(bad.problem()));
                return;
            }
            int length = frame.orThrow();
            if (in.readableBytes() < length) {
                return;
            }
            // One array per message, never larger than the message (≤ 65535 octets).
            byte[] message = new byte[length];
            in.readBytes(message);
            DecodeResult<BgpMessage> decoded = MessageCodec.decode(message, 0, length, capabilities);
            out.add(decoded);
            if (decoded instanceof DecodeResult.Malformed<BgpMessage> m
                    && m.problem().action() == dev.podbgp.bgp.wire.ErrorAction.SESSION_RESET) {
                broken = true;
                in.skipBytes(in.readableBytes());
                return;
            }
        }
    }
}
