package dev.podbgp.bfd.transport;

import dev.podbgp.log.EventLog;
import io.netty.channel.EventLoop;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The transport's state, owned by its event loop: sessions, sockets, ports, discriminators.
 * Every method runs on the loop except {@link #published()}, the loop's latest immutable view of
 * the sessions for other threads, and the {@link TransportStats} it writes.
 */
final class TransportEngine {
    private static final EventLog LOG = EventLog.named("podbgp.bfd");


    final EventLoop loop;
    final BfdListener listener;
    final TransportStats stats = new TransportStats();
    final Demultiplexer demux = new Demultiplexer(stats);
    final Receivers receivers;
    final SourcePorts ports;
    final Discriminators discriminators;

    private final SecureRandom random = new SecureRandom();
    private final Map<BfdSessionHandle, SessionDriver> drivers = new LinkedHashMap<>();
    /** Addressing of sessions whose sockets are still being opened. */
    private final Set<PeerKey> opening = new HashSet<>();
    private volatile Map<BfdSessionHandle, SessionDriver> published = Map.of();
    private boolean closed;

    TransportEngine(EventLoop loop, BfdListener listener) {
        this.loop = loop;
        this.listener = listener;
        this.receivers = new Receivers(loop, demux);
        this.ports = new SourcePorts(random);
        this.discriminators = new Discriminators(random);
    }

    // ---- commands from BfdTransport

    void add(BfdPeerConfig config, CompletableFuture<BfdSessionHandle> done) {
        if (closed) {
            done.completeExceptionally(new IllegalStateException("the BFD transport is closed"));
            return;
        }
        new SessionOpening(this, config, done).start();
    }

    void remove(BfdSessionHandle handle) {
        SessionDriver driver = drivers.get(handle);
        if (driver != null) {
            demux.forgetAddress(driver);
            driver.remove();
        }
    }

    void update(BfdSessionHandle handle, BfdIntervals intervals) {
        SessionDriver driver = drivers.get(handle);
        if (driver != null) {
            driver.update(intervals);
        }
    }

    /** Silently: sockets closed, no AdminDown sent, the listener not called. */
    void closeAll() {
        closed = true;
        drivers.values().forEach(SessionDriver::close);
        drivers.clear();
        receivers.closeAll();
        publish();
    }

    void sampleKernelDrops() {
        if (!closed) {
            stats.kernelDropped(receivers.kernelDrops());
        }
    }

    /** Any thread. */
    Map<BfdSessionHandle, SessionDriver> published() {
        return published;
    }

    // ---- for SessionOpening and SessionDriver

    boolean closed() {
        return closed;
    }

    /** Claims the addressing of a session being opened; false when a session has it already. */
    boolean reserve(PeerKey key) {
        return !demux.addressTaken(key) && opening.add(key);
    }

    void release(PeerKey key) {
        opening.remove(key);
    }

    long seed() {
        return random.nextLong();
    }

    void installed(SessionDriver driver) {
        demux.add(driver);
        drivers.put(driver.handle(), driver);
        publish();
    }

    /** The driver is done (removed, AdminDown sent): what it held goes back. */
    void finished(SessionDriver driver) {
        demux.remove(driver);
        receivers.release(driver.receiveKey());
        ports.release(driver.sourcePort());
        discriminators.release(driver.handle().localDiscriminator());
        drivers.remove(driver.handle());
        publish();
        LOG.info("session-removed").with("peer", driver.handle().peer()).with("hop", driver.handle().hop()).log();
    }

    private void publish() {
        published = Collections.unmodifiableMap(new LinkedHashMap<>(drivers));
    }
}
