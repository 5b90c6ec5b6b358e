package dev.podbgp.bgp.transport;

import io.netty.channel.Channel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** The native epoll transport when it loads, else NIO (no MD5, no GTSM: those need a descriptor). */
record NettyTransport(boolean epoll, Class<? extends Channel> channel, Class<? extends ServerChannel> serverChannel) {

    static NettyTransport choose(boolean preferEpoll) {
        if (preferEpoll && Epoll.isAvailable()) {
            return new NettyTransport(true, EpollSocketChannel.class, EpollServerSocketChannel.class);
        }
        return new NettyTransport(false, NioSocketChannel.class, NioServerSocketChannel.class);
    }

    /**
     * Event loops whose threads first join {@code namespace} (when given), so every socket
     * they create is in it. Netty creates a channel's socket on the thread that builds the
     * channel, so the speaker builds channels only on these threads.
     */
    EventLoopGroup newGroup(int threads, Path namespace) {
        ThreadFactory base = new DefaultThreadFactory("podbgp-io");
        ThreadFactory factory = namespace == null ? base : task -> base.newThread(() -> {
            try {
                NetworkNamespaces.join(namespace);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            task.run();
        });
        return new MultiThreadIoEventLoopGroup(threads, factory, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }
}
