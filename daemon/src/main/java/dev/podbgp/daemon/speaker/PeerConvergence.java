package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.transport.BgpSpeaker;
import dev.podbgp.config.state.DesiredListenRange;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.event.RibEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Converges the running peers and originated prefixes to a new {@link DesiredState} without resetting what it does
 * not touch. Runs on the thread that applies configuration (start-up, a reload, the Kubernetes source), one call
 * at a time ({@link Speaker#apply} is synchronized); it changes the registry and the transport and hands the RIB
 * its part as events.
 */
final class PeerConvergence {

    private final PeerRegistry registry;
    private final BgpSpeaker transport;
    private final RibThread rib;
    private final RestartTimers timers;
    private final LinkScopes scopes;
    private final ServiceOrigination serviceRoutes;

    PeerConvergence(PeerRegistry registry, BgpSpeaker transport, RibThread rib, RestartTimers timers, LinkScopes scopes,
            ServiceOrigination serviceRoutes) {
        this.serviceRoutes = serviceRoutes;
        this.registry = registry;
        this.transport = transport;
        this.rib = rib;
        this.timers = timers;
        this.scopes = scopes;
    }

    /** The first state: its prefixes, then a session per peer. */
    void start(DesiredState state) {
        for (Prefix p : state.originated()) {
            rib.post(new RibEvent.Originate(p, Origination.attributes()));
        }
        serviceRoutes.announce(state.serviceRoutes());
        for (DesiredPeer p : state.peers()) {
            add(state, p);
        }
        for (DesiredListenRange r : state.listenRanges()) {
            openRange(state, r);
        }
    }

    /**
     * New peers start, removed ones end with Cease/Peer De-configured, session-affecting changes reset only that
     * peer with Cease/Other Configuration Change (RFC 4486 §4), policy-only changes reach the RIB (re-evaluated, or a ROUTE-REFRESH asked for) without a reset;
     * originated prefixes, Service addresses and aggregates follow.
     */
    void converge(DesiredState previous, DesiredState next, DesiredStateDiff diff) {
        // Originated prefixes are the import's pod-CIDR guard: the RIB applies a change of them alone to the routes
        // it has and asks a peer for a ROUTE-REFRESH only when it had refused one of its routes for a podCIDR we
        // gave up (Rib.setImport); policies and cluster pod CIDRs ask every peer without soft reconfiguration.
        boolean importContextChanged = !previous.originated().equals(next.originated())
                || !previous.clusterPodCidrs().equals(next.clusterPodCidrs()) || !previous.policies().equals(next.policies());
        for (DesiredPeer removed : diff.peersRemoved()) {
            remove(removed.address(), false);
        }
        for (Prefix p : diff.originatedRemoved()) {
            rib.post(new RibEvent.WithdrawOriginated(p));
        }
        for (Prefix p : diff.originatedAdded()) {
            rib.post(new RibEvent.Originate(p, Origination.attributes()));
        }
        // Before the aggregates: an aggregate over a service CIDR sees its new contributors at once.
        serviceRoutes.withdraw(diff.serviceRoutesWithdrawn());
        serviceRoutes.announce(diff.serviceRoutesAnnounced());
        if (!previous.aggregates().equals(next.aggregates())) {
            // Adj-RIB-Out moves only the peers whose aggregates change and sends them the difference.
            rib.post(new RibEvent.AggregatesChanged(Aggregates.of(next)));
        }
        convergeRanges(previous, next, importContextChanged);
        Set<IpAddress> reset = new LinkedHashSet<>(diff.peersToReset());
        for (DesiredPeer p : next.peers()) {
            PeerSlot slot = registry.byAddress(p.address());
            // The RIB ranks and reflects by PeerInfo, fixed for a session: a new client role needs one.
            if (slot != null && slot.dynamicRange == null && slot.desired.routeReflectorClient() != p.routeReflectorClient()) {
                reset.add(p.address());
            }
        }
        for (IpAddress address : reset) {
            remove(address, true);
            next.peer(address).ifPresent(p -> add(next, p));
        }
        for (DesiredPeer added : diff.peersAdded()) {
            add(next, added);
        }
        for (DesiredPeer p : next.peers()) {
            PeerSlot slot = registry.byAddress(p.address());
            if (slot == null || reset.contains(p.address())) {
                continue;
            }
            // Locked against SessionEvents.established, which reads the settings for a new session.
            synchronized (slot) {
                boolean changed = !slot.desired.equals(p);
                slot.desired = p;
                if (changed || importContextChanged) {
                    reconfigure(next, slot);
                }
            }
        }
    }

    /**
     * A range whose settings changed (graceful restart among them: it is in their OPENs) closes, ending its
     * sessions, and opens again; the others keep their peers, which take a change of the policies they use in place.
     */
    private void convergeRanges(DesiredState previous, DesiredState next, boolean importContextChanged) {
        boolean openChanged = !previous.gracefulRestart().equals(next.gracefulRestart());
        for (DesiredListenRange r : previous.listenRanges()) {
            if (openChanged || !next.listenRanges().contains(r)) {
                transport.removeDynamicRange(r.range());
            }
        }
        for (DesiredListenRange r : next.listenRanges()) {
            if (openChanged || !previous.listenRanges().contains(r)) {
                openRange(next, r);
            }
        }
        if (importContextChanged) {
            for (PeerSlot slot : registry.slots()) {
                if (slot.dynamicRange != null) {
                    synchronized (slot) {
                        reconfigure(next, slot);
                    }
                }
            }
        }
    }

    private void openRange(DesiredState state, DesiredListenRange range) {
        transport.addDynamicRange(SessionMapper.dynamicRange(state.node(), range, state.gracefulRestart()));
    }

    private void add(DesiredState state, DesiredPeer desired) {
        PeerSlot slot = registry.add(desired);
        registry.attach(slot, transport.addPeer(SessionMapper.peerConfig(state.node(), desired, state.gracefulRestart(), scopes)));
    }

    /** Ends the peer's session and forgets it: de-configured, or to be added again with new settings ({@code reset}). */
    private void remove(IpAddress address, boolean reset) {
        PeerSlot slot = registry.remove(address);
        if (slot == null) {
            return;
        }
        if (reset) {
            transport.resetForConfigurationChange(SessionMapper.inet(address));
        } else {
            transport.deconfigurePeer(SessionMapper.inet(address));
        }
        slot.retire(timers, rib::offer);
    }

    /**
     * A policy, max-prefix or role change of a running peer, applied without a reset. Through the inbox, so it
     * reaches the RIB after the session events before it (its registration among them). Holds the slot's lock.
     */
    private void reconfigure(DesiredState state, PeerSlot slot) {
        var info = slot.info;
        if (info != null) {
            slot.inbox.submit(new RibEvent.ImportChanged(info, PeerSettings.importOf(state, slot.desired)), rib::offer);
        }
        slot.inbox.submit(PeerSettings.exportChange(state, slot.id, slot.desired), rib::offer);
    }
}
