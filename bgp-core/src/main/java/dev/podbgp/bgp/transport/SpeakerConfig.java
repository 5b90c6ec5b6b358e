package dev.podbgp.bgp.transport;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * @param listen           addresses to accept BGP connections on; empty for an active-only speaker
 * @param eventLoopThreads threads running sockets and sessions (1 serves thousands of idle peers)
 * @param preferEpoll      use the native epoll transport when it loads (needed for MD5 and GTSM)
 * @param networkNamespace the network namespace (e.g. {@code /var/run/netns/NAME}) every socket
 *                         lives in, or {@code null} for the process's own
 */
public record SpeakerConfig(List<InetSocketAddress> listen, int eventLoopThreads, boolean preferEpoll,
                            Path networkNamespace) {

    public SpeakerConfig {
        listen = List.copyOf(listen);
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("at least one event loop thread");
        }
    }

    public static SpeakerConfig listeningOn(InetSocketAddress... addresses) {
        return new SpeakerConfig(List.of(addresses), 1, true, null);
    }

    /** The same speaker with all its sockets in the namespace {@code /var/run/netns/NAME}. */
    public SpeakerConfig inNamespace(String name) {
        return new SpeakerConfig(listen, eventLoopThreads, preferEpoll, NetworkNamespaces.named(name));
    }
}
