package dev.podbgp.bgp.transport;

import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.MessageCodec;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Writes {@link BgpMessage}s with the codec context the decoder holds (both directions of a
 * session use the same negotiated capabilities). The codec sizes each message exactly, so the
 * bytes are wrapped, not copied.
 */
public final class BgpMessageEncoder extends ChannelOutboundHandlerAdapter {

    private final BgpFrameDecoder decoder;

    public BgpMessageEncoder(BgpFrameDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof BgpMessage m) {
            ctx.write(Unpooled.wrappedBuffer(MessageCodec.encode(m, decoder.capabilities())), promise);
        } else {
            ctx.write(msg, promise);
        }
    }
}
