package dev.podbgp.bfd.transport;

import dev.podbgp.inet.AddressFamily;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The two kinds of UDP socket a session uses, with their options set before they are bound. Must
 * be called on the event loop: the socket is created in the calling thread's network namespace.
 */
final class DatagramSockets {

    /**
     * DSCP CS6, network control. RFC 5881 asks for nothing here; routers and switches queue CS6
     * ahead of data, so a congested link does not starve BFD into a false Down.
     */
    private static final int NETWORK_CONTROL_TOS = 0xc0;

    private DatagramSockets() {}

    /**
     * Receives Control packets on the hop mode's port; the kernel drops those below
     * {@code minimumTtl}. SO_REUSEADDR lets an address- or interface-bound socket share the port
     * with a wildcard one; the kernel hands each datagram to the most specific.
     */
    static EpollDatagramChannel receiver(ReceiveKey key, int minimumTtl) {
        return open(key.family(), key.interfaceName(), channel -> {
            channel.config().setOption(ChannelOption.SO_REUSEADDR, true);
            if (minimumTtl > 1) {
                SocketFilters.attach(channel, SocketFilters.minimumTtl(minimumTtl));
            }
        });
    }

    /** Sends one session's packets from its own source port with TTL (Hop Limit) {@code ttl}. */
    static EpollDatagramChannel sender(AddressFamily family, Optional<String> interfaceName, int ttl) {
        return open(family, interfaceName, channel -> {
            channel.config().setOption(family == AddressFamily.IPV4 ? LinuxSocketOptions.IP_TTL : LinuxSocketOptions.IPV6_UNICAST_HOPS, ttl);
            // Nobody sends to a session's source port; whatever does is dropped before it takes memory.
            SocketFilters.attach(channel, SocketFilters.dropAll());
            channel.config().setOption(ChannelOption.AUTO_READ, false);
        });
    }

    /**
     * Registers {@code channel} with {@code loop} and binds it to {@code address}. The future fails,
     * naming the address, and the channel is closed when either step fails.
     */
    static ChannelFuture registerAndBind(EventLoop loop, EpollDatagramChannel channel, InetSocketAddress address) {
        ChannelPromise done = channel.newPromise();
        loop.register(channel).addListener(registered -> {
            if (!registered.isSuccess()) {
                channel.unsafe().closeForcibly();
                done.setFailure(new IOException("cannot register a socket for " + address, registered.cause()));
                return;
            }
            channel.bind(address).addListener(bound -> {
                if (bound.isSuccess()) {
                    done.setSuccess();
                } else {
                    channel.close();
                    done.setFailure(new IOException("cannot bind " + address, bound.cause()));
                }
            });
        });
        return done;
    }

    /** The kernel's count of datagrams it dropped for this socket (SO_MEMINFO). */
    static long drops(EpollDatagramChannel channel) {
        ByteBuffer info = channel.config().getOption(LinuxSocketOptions.SO_MEMINFO).order(ByteOrder.nativeOrder());
        return Integer.toUnsignedLong(info.getInt(LinuxSocketOptions.MEMINFO_DROPS * Integer.BYTES));
    }

    private static EpollDatagramChannel open(AddressFamily family, Optional<String> interfaceName,
                                             Consumer<EpollDatagramChannel> options) {
        boolean v6 = family == AddressFamily.IPV6;
        EpollDatagramChannel channel = new EpollDatagramChannel(v6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET);
        try {
            if (v6) {
                channel.config().setOption(LinuxSocketOptions.IPV6_V6ONLY, 1);
            }
            interfaceName.ifPresent(name -> channel.config().setOption(LinuxSocketOptions.SO_BINDTODEVICE, deviceName(name)));
            channel.config().setOption(ChannelOption.IP_TOS, NETWORK_CONTROL_TOS);
            options.accept(channel);
            return channel;
        } catch (RuntimeException e) {
            channel.unsafe().closeForcibly();
            throw e;
        }
    }

    /** The name NUL-padded to IFNAMSIZ, as SO_BINDTODEVICE reads it. */
    private static ByteBuffer deviceName(String name) {
        ByteBuffer value = ByteBuffer.allocate(LinuxSocketOptions.IFNAMSIZ);
        value.put(0, name.getBytes(StandardCharsets.US_ASCII));
        return value;
    }
}
