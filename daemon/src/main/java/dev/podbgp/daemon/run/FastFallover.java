package dev.podbgp.daemon.run;

import dev.podbgp.daemon.cni.DirectlyConnected;
import dev.podbgp.daemon.cni.TargetNamespace;
import dev.podbgp.daemon.speaker.Speaker;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.log.EventLog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fast external fallover: when the interface a peer is directly connected on goes down, its session ends at once
 * and its routes leave the FIB, instead of after a hold time of forwarding into a dead link; when the interface comes
 * back, a session waiting out its retry backoff tries at once.
 *
 * <p>Which interface a peer is on is asked of the kernel when its session comes up, on a virtual thread (the
 * report comes from an event loop, which must not wait for {@code ip}); the answer stays after the session ends, so
 * the link coming back finds the peer. Link changes arrive on the FIB writer's monitor thread.
 */
final class FastFallover implements AutoCloseable {
    private static final EventLog LOG = EventLog.named("podbgp.fallover");

    private final Speaker speaker;
    private final TargetNamespace namespace;
    private final Map<IpAddress, String> links = new ConcurrentHashMap<>();
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    FastFallover(Speaker speaker, TargetNamespace namespace) {
        this.speaker = speaker;
        this.namespace = namespace;
    }

    /** The session to {@code peer} is Established: find out which link, if any, it is directly connected on. */
    void established(IpAddress peer) {
        lookups.execute(() -> {
            Optional<String> link = DirectlyConnected.interfaceTo(namespace, peer.toString());
            if (link.isPresent()) {
                links.put(peer, link.get());
            } else {
                links.remove(peer);
            }
        });
    }

    void linkDown(String name) {
        links.forEach((peer, link) -> {
            if (link.equals(name)) {
                LOG.info("fast-fallover").with("peer", peer).with("interface", name).log();
                speaker.paths().down(peer, false, "interface " + name + " down (fast external fallover)");
            }
        });
    }

    void linkUp(String name) {
        links.forEach((peer, link) -> {
            if (link.equals(name)) {
                speaker.paths().up(peer);
            }
        });
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
