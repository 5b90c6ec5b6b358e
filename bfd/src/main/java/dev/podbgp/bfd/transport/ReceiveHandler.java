package dev.podbgp.bfd.transport;

import dev.podbgp.log.EventLog;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/** The pipeline of a receive socket: each datagram's payload and source to the demultiplexer. */
final class ReceiveHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final EventLog LOG = EventLog.named("podbgp.bfd");


    private final ReceiveKey key;
    private final Demultiplexer demux;

    ReceiveHandler(ReceiveKey key, Demultiplexer demux) {
        this.key = key;
        this.demux = demux;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        demux.deliver(key, ByteBufUtil.getBytes(packet.content()), Endpoints.ip(packet.sender().getAddress()));
    }

    /** A read error on a datagram socket concerns one datagram; the socket stays open. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("receive-failed").with("on", key).with("error", cause).log();
    }
}
