package dev.podbgp.daemon.run;

import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.daemon.speaker.LinkScopes;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.log.EventLog;
import dev.podbgp.nd.LinkNeighbor;
import dev.podbgp.nd.NeighborDiscovery;
import dev.podbgp.nd.NeighborListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * Unnumbered peers (RFC 8950 over IPv6 link-local): one {@link NeighborDiscovery} per interface a
 * peer is configured on, and the peer's link-local address once it has advertised itself. The
 * configured state plus these addresses is what the speaker runs ({@link #effective}); each time a
 * neighbour first appears or changes, {@code changed} is run so the daemon applies it again.
 *
 * <p>One neighbour per link: the first heard is kept while it keeps advertising; another one takes
 * its place only after the first has been silent for {@link #STALE} (a router replaced on the link).
 */
final class InterfacePeering implements NeighborListener, AutoCloseable {

    private static final EventLog LOG = EventLog.named("podbgp.unnumbered");
    /** Six advertisement intervals of FRR's (10 s): a neighbour that said nothing for this long is gone. */
    static final Duration STALE = Duration.ofSeconds(60);

    private final LinkScopes scopes;
    private final ThreadFactory threads;
    private final Runnable changed;
    private final LongSupplier nanoClock;
    private final Map<String, NeighborDiscovery> running = new HashMap<>();
    /** Interface name to the neighbour peered with there; guarded by this. */
    private final Map<String, Heard> neighbors = new HashMap<>();
    private final Set<String> unavailable = new HashSet<>();
    private boolean closed;

    private record Heard(LinkNeighbor neighbor, long lastNanos) {
    }

    InterfacePeering(LinkScopes scopes, ThreadFactory threads, Runnable changed, LongSupplier nanoClock) {
        this.scopes = scopes;
        this.threads = threads;
        this.changed = changed;
        this.nanoClock = nanoClock;
    }

    /** Starts discovery on interfaces that gained a peer, stops it where the peer went. Config thread. */
    synchronized void converge(DesiredState state) {
        if (closed) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        for (DesiredPeer p : state.interfacePeers()) {
            wanted.add(p.interfaceName().orElseThrow());
        }
        for (String name : List.copyOf(running.keySet())) {
            if (!wanted.contains(name)) {
                running.remove(name).close();
                Heard gone = neighbors.remove(name);
                if (gone != null) {
                    scopes.remove(gone.neighbor().address());
                }
                LOG.info("discovery-stopped").with("interface", name).log();
            }
        }
        for (String name : wanted) {
            if (!running.containsKey(name)) {
                running.put(name, NeighborDiscovery.start(name, this, threads));
                LOG.info("discovery-started").with("interface", name).log();
            }
        }
    }

    /** {@code state} with each interface peer whose neighbour is known at that neighbour's link-local address. */
    synchronized DesiredState effective(DesiredState state) {
        List<DesiredPeer> resolved = new ArrayList<>();
        for (DesiredPeer template : state.interfacePeers()) {
            Heard h = neighbors.get(template.interfaceName().orElseThrow());
            if (h != null) {
                resolved.add(template.atLinkLocal(h.neighbor().address()));
            }
        }
        return resolved.isEmpty() ? state : state.withPeers(resolved);
    }

    /** The neighbour heard on {@code interfaceName}, if any. */
    synchronized Optional<Ipv6Address> neighbor(String interfaceName) {
        return Optional.ofNullable(neighbors.get(interfaceName)).map(h -> h.neighbor().address());
    }

    @Override
    public void heard(LinkNeighbor n) {
        boolean replaced;
        synchronized (this) {
            if (closed || !running.containsKey(n.interfaceName())) {
                return;
            }
            unavailable.remove(n.interfaceName());
            long now = nanoClock.getAsLong();
            Heard current = neighbors.get(n.interfaceName());
            boolean same = current != null && current.neighbor().address().equals(n.address())
                    && current.neighbor().ifindex() == n.ifindex();
            if (same) {
                neighbors.put(n.interfaceName(), new Heard(current.neighbor(), now));
                return;
            }
            if (current != null && now - current.lastNanos() < STALE.toNanos()) {
                // Another router on a link we peer with one router on: keep the one we have.
                LOG.debug("neighbor-ignored").with("interface", n.interfaceName()).with("address", n.address())
                        .with("peer", current.neighbor().address()).log();
                return;
            }
            if (current != null) {
                scopes.remove(current.neighbor().address());
            }
            scopes.put(n.address(), n.ifindex());
            neighbors.put(n.interfaceName(), new Heard(n, now));
            replaced = current != null;
            LOG.info("neighbor-learned").with("interface", n.interfaceName()).with("ifindex", n.ifindex())
                    .with("address", n.address()).with("from", n.heardFrom()).with("replaces", replaced ? current.neighbor().address() : "")
                    .log();
        }
        // Outside the lock: the daemon applies the state, which calls back into effective().
        changed.run();
    }

    @Override
    public void unavailable(String interfaceName, String reason) {
        synchronized (this) {
            if (!unavailable.add(interfaceName)) {
                return;
            }
        }
        LOG.warn("discovery-unavailable").with("interface", interfaceName).with("reason", reason).log();
    }

    @Override
    public void close() {
        List<NeighborDiscovery> stopping;
        synchronized (this) {
            closed = true;
            stopping = List.copyOf(running.values());
            running.clear();
        }
        stopping.forEach(NeighborDiscovery::close);
    }
}
