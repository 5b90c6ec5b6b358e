package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.inet.IpAddress;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Datagrams a test forges, sent from a chosen address with a chosen TTL, as an attacker or a broken peer would. */
final class CraftedPackets implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());

    /** What the peer says when its operator disables the session: AdminDown, Administratively Down. */
    static byte[] adminDown(int myDiscriminator, int yourDiscriminator) {
        return ControlPacketCodec.encode(new ControlPacket(Diagnostic.ADMINISTRATIVELY_DOWN.code(), BfdState.ADMIN_DOWN,
                false, false, false, false, 3, myDiscriminator, yourDiscriminator, 1_000_000, 1_000_000, 0, Optional.empty()));
    }

    /** A peer's first packet: Down, Your Discriminator 0. */
    static byte[] hello(int myDiscriminator) {
        return ControlPacketCodec.encode(new ControlPacket(0, BfdState.DOWN, false, false, false, false, 3,
                myDiscriminator, 0, 1_000_000, 1_000_000, 0, Optional.empty()));
    }

    /** Sends {@code payload} from {@code source} (any source port) to {@code target}'s port of {@code hop}. */
    void send(byte[] payload, IpAddress source, int ttl, IpAddress target, HopMode hop) throws Exception {
        EpollDatagramChannel channel = DatagramSockets.sender(source.family(), Optional.empty(), ttl);
        try {
            DatagramSockets.registerAndBind(group.next(), channel,
                    new InetSocketAddress(InetAddress.getByAddress(source.toBytes()), 0)).sync();
            InetSocketAddress to = new InetSocketAddress(InetAddress.getByAddress(target.toBytes()), hop.port());
            channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(payload), to)).sync();
        } finally {
            channel.close().sync();
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
