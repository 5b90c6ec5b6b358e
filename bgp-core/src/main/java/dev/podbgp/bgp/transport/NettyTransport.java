package dev.podbgp.bgp.transport;

import io.netty.channel.Channel;
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
import java.util.concurrent.ThreadFactory;

/** The native epoll transport when it loads, else NIO (no MD5, no GTSM: those need a descriptor). */
record NettyTransport(boolean epoll, Class<? extends Channel> channel, Class<? extends ServerChannel> serverChannel) {

    static NettyTransport choose(boolean preferEpoll) {
        if (preferEpoll && Epoll.isAvailable()) {
            return new NettyTransport(true, EpollSocketChannel.class, EpollServerSocketChannel.class);
        }
        return new NettyTransport(false, NioSocketChannel.class, NioServerSocketChannel.class);
    }

    /**
     * Event loops on threads from {@code factory}. Netty creates a channel's socket on the thread
     * that builds the channel, and the speaker builds channels only on these threads, so threads
     * that joined a network namespace keep every socket in it.
     */
    EventLoopGroup newGroup(int threads, ThreadFactory factory) {
        return new MultiThreadIoEventLoopGroup(threads, factory, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }
}
