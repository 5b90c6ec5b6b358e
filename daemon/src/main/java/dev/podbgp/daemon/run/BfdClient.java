package dev.podbgp.daemon.run;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.bfd.transport.BfdIntervals;
import dev.podbgp.bfd.transport.BfdPeerConfig;
import dev.podbgp.bfd.transport.BfdSessionHandle;
import dev.podbgp.bfd.transport.BfdSessionStatus;
import dev.podbgp.bfd.transport.BfdTransport;
import dev.podbgp.bfd.transport.BfdTransportConfig;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.config.BfdSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.daemon.metrics.PodbgpMetrics;
import dev.podbgp.daemon.speaker.Speaker;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.log.EventLog;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * BFD as the BGP sessions' client (RFC 5882): one BFD session per peer whose config asks for it, kept while the
 * peer is configured, so BFD can be Up before BGP is and a BGP session is never held back by BFD.
 *
 * <p>When a session leaves Up, the BGP session ends at once with Cease/BFD Down and the peer's routes leave the FIB;
 * a peer already restarting keeps its stale routes only if its C bit is clear ({@link Speaker#bfdDown}). A peer that
 * turned BFD off (its packets say AdminDown) is not a failure (RFC 5882 §3.2).
 *
 * <p>A single-hop session needs our address: the configured {@code localAddress}, or the BGP session's own once it
 * is Established. Threads: {@link #converge} runs on the config thread; {@link #established} comes from a BGP event
 * loop, and the transport's listener runs on the BFD event loop: both hand their work to a virtual thread.
 */
final class BfdClient implements AutoCloseable {
    private static final EventLog LOG = EventLog.named("podbgp.bfd");
    /** How long a stop waits for the AdminDown packets; one slow-rate interval (RFC 5880 §6.8.3) and a margin. */
    private static final java.time.Duration ADMIN_DOWN_WAIT = java.time.Duration.ofMillis(1_500);

    /** One configured peer's BFD session; {@code handle} is null until the local address is known. */
    private static final class Watch {
        volatile DesiredPeer peer;
        volatile BfdSessionHandle handle;
        final AtomicLong flaps = new AtomicLong();

        Watch(DesiredPeer peer) {
            this.peer = peer;
        }
    }

    private final Speaker speaker;
    private final PodbgpMetrics metrics;
    private final BfdTransportConfig transportConfig;
    /** Started with the first peer that asks for BFD: a node without BFD pays no thread and no socket for it. */
    private volatile BfdTransport transport;
    private final Map<IpAddress, Watch> watches = new ConcurrentHashMap<>();
    /** Work that must not run on an event loop: opening a session once BGP is up, acting on a BFD Down. */
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();

    BfdClient(Speaker speaker, Optional<String> namespace, PodbgpMetrics metrics) {
        this.speaker = speaker;
        this.metrics = metrics;
        BfdTransportConfig config = BfdTransportConfig.defaults();
        if (namespace.isPresent()) {
            config = new BfdTransportConfig(NetworkNamespace.named(namespace.get()).threadFactory(config.threadFactory()));
        }
        this.transportConfig = config;
    }

    /** Follows {@code state}: sessions for peers that ask for BFD, new intervals in place, the rest removed. */
    synchronized void converge(DesiredState state) {
        Set<IpAddress> wanted = new HashSet<>();
        for (DesiredPeer p : state.peers()) {
            if (!p.bfd().enabled()) {
                continue;
            }
            wanted.add(p.address());
            Watch w = watches.get(p.address());
            if (w == null) {
                w = new Watch(p);
                watches.put(p.address(), w);
                open(w);
            } else if (!w.peer.bfd().equals(p.bfd()) || !w.peer.localAddress().equals(p.localAddress())) {
                // Only the intervals changed: the same session, else a new one (hop mode or source address).
                boolean sameSession = w.peer.bfd().multihop() == p.bfd().multihop()
                        && w.peer.localAddress().equals(p.localAddress());
                BfdSessionHandle h = w.handle;
                w.peer = p;
                if (sameSession && h != null) {
                    // RFC 5880 §6.8.3: the running session changes its intervals with a Poll Sequence.
                    transport.update(h, intervals(p.bfd()));
                } else {
                    close(w);
                    open(w);
                }
            } else {
                w.peer = p;
            }
        }
        for (IpAddress a : Set.copyOf(watches.keySet())) {
            if (!wanted.contains(a)) {
                Watch w = watches.remove(a);
                close(w);
                metrics.removeBfd(a.toString());
            }
        }
    }

    /** The BGP session to {@code peer} is Established: a single-hop session waiting for our address starts now. */
    void established(IpAddress peer) {
        Watch w = watches.get(peer);
        if (w != null && w.handle == null) {
            work.execute(() -> {
                synchronized (this) {
                    if (watches.get(peer) == w && w.handle == null) {
                        open(w);
                    }
                }
            });
        }
    }

    /** The BFD state {@code show neighbors} prints for {@code peer}: empty without BFD, Down until it started. */
    String state(IpAddress peer) {
        Watch w = watches.get(peer);
        if (w == null) {
            return "";
        }
        BfdSessionHandle h = w.handle;
        return h == null ? name(BfdState.DOWN) : transport.status(h).map(s -> name(s.state())).orElse(name(BfdState.DOWN));
    }

    long flaps(IpAddress peer) {
        Watch w = watches.get(peer);
        return w == null ? 0 : w.flaps.get();
    }

    private void open(Watch w) {
        DesiredPeer p = w.peer;
        BfdPeerConfig config;
        if (p.bfd().multihop()) {
            config = BfdPeerConfig.multiHop(p.address());
            config = p.localAddress().map(config::withLocal).orElse(config);
        } else {
            Optional<IpAddress> local = p.localAddress().or(() -> speaker.paths().localAddress(p.address()));
            if (local.isEmpty()) {
                return;
            }
            config = BfdPeerConfig.singleHop(p.address(), local.get());
        }
        try {
            if (transport == null) {
                transport = BfdTransport.start(transportConfig, this::stateChanged);
            }
            w.handle = transport.add(config.withIntervals(intervals(p.bfd())));
        } catch (RuntimeException e) {
            // BFD is advisory (RFC 5882 §3): BGP runs on; the next time the session comes up, this is tried again.
            LOG.warn("bfd-session-failed").with("peer", p.address()).with("error", e.getMessage()).log();
            return;
        }
        metrics.bfdState(p.address().toString(), false);
        LOG.info("bfd-session-added").with("peer", p.address()).with("hop", config.hop())
                .with("local", config.local().map(Object::toString).orElse("any"))
                .with("min-tx-ms", p.bfd().minTx().toMillis()).with("min-rx-ms", p.bfd().minRx().toMillis())
                .with("multiplier", p.bfd().multiplier()).log();
    }

    private void close(Watch w) {
        BfdSessionHandle h = w.handle;
        w.handle = null;
        if (h != null) {
            transport.remove(h);
        }
    }

    private static BfdIntervals intervals(BfdSpec spec) {
        return new BfdIntervals(spec.minTx(), spec.minRx(), spec.multiplier());
    }

    /** On the BFD event loop. */
    private void stateChanged(IpAddress peer, BfdState from, BfdState to, Diagnostic diagnostic, boolean peerIndependent) {
        Watch w = watches.get(peer);
        if (w == null) {
            return;
        }
        String label = peer.toString();
        metrics.bfdState(label, to == BfdState.UP);
        LOG.info("bfd-state").with("peer", peer).with("from", name(from)).with("to", name(to))
                .with("diagnostic", diagnostic.label()).log();
        if (from != BfdState.UP || to == BfdState.UP) {
            return;
        }
        w.flaps.incrementAndGet();
        metrics.bfdFlap(label);
        BfdSessionHandle h = w.handle;
        Optional<BfdSessionStatus> status = h == null ? Optional.empty() : transport.status(h);
        if (status.map(s -> s.remoteState() == BfdState.ADMIN_DOWN).orElse(false)) {
            LOG.info("bfd-peer-admin-down").with("peer", peer).with("action", "none (RFC 5882 §3.2)").log();
            return;
        }
        // Off the event loop: ending a peer's restart hands an event to the RIB thread, which may wait for room.
        work.execute(() -> {
            String done = speaker.paths().bfdDown(peer, peerIndependent, "BFD down: " + diagnostic.label());
            LOG.info("bfd-down").with("peer", peer).with("peer-c-bit", peerIndependent).with("action", done).log();
        });
    }

    /** RFC 5880 §4.1's names, as FRR and BIRD show them. */
    static String name(BfdState state) {
        return switch (state) {
            case ADMIN_DOWN -> "AdminDown";
            case DOWN -> "Down";
            case INIT -> "Init";
            case UP -> "Up";
        };
    }

    /**
     * Stops every session the way RFC 5880 §6.8.16 asks: each goes AdminDown and tells its peer, whose BGP then
     * leaves its session to graceful restart rather than calling the path dead (RFC 5882 §3.2). A peer reacts to the
     * first AdminDown packet, so the stop waits until every session has sent one (at most {@link #ADMIN_DOWN_WAIT}),
     * not for the whole removal.
     */
    @Override
    public synchronized void close() {
        work.shutdownNow();
        Map<BfdSessionHandle, Long> sent = new java.util.HashMap<>();
        for (Watch w : watches.values()) {
            BfdSessionHandle h = w.handle;
            if (h != null) {
                sent.put(h, transport.status(h).map(st -> st.counters().packetsOut()).orElse(0L));
                transport.remove(h);
            }
        }
        watches.clear();
        if (transport == null) {
            return;
        }
        long deadline = System.nanoTime() + ADMIN_DOWN_WAIT.toNanos();
        while (System.nanoTime() < deadline && sent.entrySet().stream().anyMatch(e -> transport.status(e.getKey())
                .map(st -> st.counters().packetsOut() <= e.getValue()).orElse(false))) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        transport.close();
    }
}
