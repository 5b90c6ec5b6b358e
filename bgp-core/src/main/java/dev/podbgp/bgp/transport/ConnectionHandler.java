package dev.podbgp.bgp.transport;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.message.BgpMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The last inbound handler of a BGP channel: hands decoded messages, the end of the
 * connection and writability changes to the {@link PeerConnection} that owns the channel.
 * Everything runs on the peer's event loop; {@code target} is read and written only there
 * (an accepted channel gets its owner after the peer decides who takes it).
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private final BgpPeer peer;
    private PeerConnection target;

    ConnectionHandler(BgpPeer peer, PeerConnection target) {
        this.peer = peer;
        this.target = target;
    }

    void target(PeerConnection connection) {
        this.target = connection;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DecodeResult<BgpMessage> result = (DecodeResult<BgpMessage>) msg;
        peer.enqueue(() -> {
            if (target != null) {
                target.received(ctx.channel(), result);
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        peer.enqueue(() -> {
            if (target != null) {
                target.closed(ctx.channel());
            }
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            peer.enqueue(peer::becameWritable);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A socket error (reset by the peer, say) ends the connection; the session learns it
        // as TcpConnectionFails through channelInactive.
        peer.event(System.Logger.Level.DEBUG, "socket-error").with("error", cause.getMessage()).log();
        ctx.close();
    }
}
