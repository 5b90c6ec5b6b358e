package dev.podbgp.bgp.transport;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * @param listen           addresses to accept BGP connections on; empty for an active-only speaker
 * @param eventLoopThreads threads running sockets and sessions (1 serves thousands of idle peers)
 * @param preferEpoll      use the native epoll transport when it loads (needed for MD5 and GTSM)
 */
public record SpeakerConfig(List<InetSocketAddress> listen, int eventLoopThreads, boolean preferEpoll) {

    public SpeakerConfig {
        listen = List.copyOf(listen);
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("at least one event loop thread");
        }
    }

    public static SpeakerConfig listeningOn(InetSocketAddress... addresses) {
        return new SpeakerConfig(List.of(addresses), 1, true);
    }
}
