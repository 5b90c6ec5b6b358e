package dev.podbgp.bfd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel side of RFC 5881 §5 (GTSM) on this machine's kernel: a receive socket with the
 * minimum-TTL filter gets a datagram of TTL (Hop Limit) 255 and never one of 254 or 64, which the
 * kernel counts as dropped; a send socket sends with the TTL it was given.
 */
class SocketFiltersTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final List<EpollDatagramChannel> channels = new ArrayList<>();

    @AfterEach
    void close() {
        channels.forEach(c -> c.close().awaitUninterruptibly());
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void rfc5881_s5_onlyTtl255PassesTheReceiveFilter(String loopback) throws Exception {
        IpAddress address = IpAddress.parse(loopback);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        EpollDatagramChannel receiver = DatagramSockets.receiver(
                new ReceiveKey(address.family(), Optional.of(address), Optional.empty(), HopMode.SINGLE_HOP), 255);
        receiver.pipeline().addLast(new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                received.add(packet.content().toString(StandardCharsets.US_ASCII));
            }
        });
        InetSocketAddress target = bind(receiver, address);

        for (int ttl : new int[] {64, 254, 255}) {
            EpollDatagramChannel sender = DatagramSockets.sender(address.family(), Optional.empty(), ttl);
            bind(sender, address);
            assertThat(sender.config().getOption(address.family() == AddressFamily.IPV4
                    ? LinuxSocketOptions.IP_TTL : LinuxSocketOptions.IPV6_UNICAST_HOPS)).isEqualTo(ttl);
            sender.writeAndFlush(new DatagramPacket(Unpooled.copiedBuffer("ttl " + ttl, StandardCharsets.US_ASCII), target))
                    .sync();
        }

        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("ttl 255");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (DatagramSockets.drops(receiver) < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(DatagramSockets.drops(receiver)).as("datagrams the filter dropped").isEqualTo(2);
        assertThat(received).isEmpty();
    }

    private InetSocketAddress bind(EpollDatagramChannel channel, IpAddress address) throws Exception {
        channels.add(channel);
        group.register(channel).sync();
        channel.bind(new InetSocketAddress(InetAddress.getByAddress(address.toBytes()), 0)).sync();
        return channel.localAddress();
    }
}
