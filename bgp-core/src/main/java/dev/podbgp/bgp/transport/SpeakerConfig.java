package dev.podbgp.bgp.transport;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * @param listen           addresses to accept BGP connections on; empty for an active-only speaker
 * @param eventLoopThreads threads running sockets and sessions (1 serves thousands of idle peers)
 * @param preferEpoll      use the native epoll transport when it loads (needed for MD5 and GTSM)
 * @param threadFactory    makes the event-loop threads, {@code null} for {@link #defaultThreads()}.
 *                         Every socket is created on one of them, so threads that joined a
 *                         network namespace put the whole speaker there.
 */
public record SpeakerConfig(List<InetSocketAddress> listen, int eventLoopThreads, boolean preferEpoll,
                            ThreadFactory threadFactory) {

    public SpeakerConfig {
        listen = List.copyOf(listen);
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("at least one event loop thread");
        }
        if (threadFactory == null) {
            threadFactory = defaultThreads();
        }
    }

    /** Netty's own thread type (fast thread-locals), named {@code podbgp-io-…}, in the process's namespace. */
    public static ThreadFactory defaultThreads() {
        return new DefaultThreadFactory("podbgp-io");
    }

    public static SpeakerConfig listeningOn(InetSocketAddress... addresses) {
        return new SpeakerConfig(List.of(addresses), 1, true, null);
    }

    /** The same speaker with its event-loop threads made by {@code factory}. */
    public SpeakerConfig withThreadFactory(ThreadFactory factory) {
        return new SpeakerConfig(listen, eventLoopThreads, preferEpoll, factory);
    }
}
