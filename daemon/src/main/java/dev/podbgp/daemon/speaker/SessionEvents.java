package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.DownReason;
import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.PeerListener;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.config.state.DesiredListenRange;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.event.RibEvent;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the sessions report, turned into RIB events. Runs on the Netty event loops and never blocks: each peer's
 * events go through its {@link PeerInbox}, in order, and a full RIB queue stops the peer's socket being read.
 * Everything an event needs from the session (its PeerInfo, its export settings, where its bytes go) is read
 * here, when the session reports it, so the RIB thread sees each session exactly as it was.
 */
final class SessionEvents implements PeerListener {

    private final PeerRegistry registry;
    private final RibThread rib;
    private final RestartTimers timers;
    private final Supplier<DesiredState> state;
    private final SpeakerEvents events;
    private final SessionInterfaces interfaces;

    SessionEvents(PeerRegistry registry, RibThread rib, RestartTimers timers, Supplier<DesiredState> state,
            SpeakerEvents events, SessionInterfaces interfaces) {
        this.registry = registry;
        this.rib = rib;
        this.timers = timers;
        this.state = state;
        this.events = events;
        this.interfaces = interfaces;
    }

    private void submit(PeerSlot slot, RibEvent event) {
        slot.inbox.submit(event, rib::offer);
    }

    /** A peer connected from a listen range: it gets an entry before any event of its session. */
    @Override
    public void dynamicPeerAdded(BgpPeer peer) {
        Prefix range = peer.dynamicRange().orElseThrow().range();
        DesiredState now = state.get();
        Optional<DesiredListenRange> desired = now.listenRanges().stream().filter(r -> r.range().equals(range)).findFirst();
        if (desired.isEmpty()) {
            // The range left the configuration while this connection came in: the transport ends the peer.
            return;
        }
        DesiredListenRange r = desired.get();
        IpAddress address = IpAddress.ofBytes(peer.config().address().getAddress());
        registry.attach(registry.add(r.peerAt(address, r.template().asn()), r), peer);
    }

    /** A dynamic peer's session ended: its routes went with {@link #down}, now the entry goes. */
    @Override
    public void dynamicPeerRemoved(BgpPeer peer) {
        PeerSlot s = registry.remove(peer);
        if (s != null) {
            s.retire(timers, rib::offer);
        }
    }

    @Override
    public void stateChanged(BgpPeer peer, SessionState from, SessionState to) {
        PeerSlot s = registry.bySession(peer);
        if (s != null) {
            s.since = Instant.now();
            if (from == SessionState.ESTABLISHED) {
                s.flaps.incrementAndGet();
            }
        }
        events.stateChanged(peer.config().address(), from, to);
    }

    @Override
    public void established(BgpPeer peer, NegotiatedSession session) {
        PeerSlot s = registry.bySession(peer);
        if (s == null) {
            return;
        }
        // The peer is back: timers of its last restart must not fire.
        s.generation.incrementAndGet();
        timers.cancel(s);
        SessionChannel channel = new SessionChannel(peer, session, s.updatesOut);
        // Locked against PeerConvergence.reconfigure: either this event carries the new settings, or the change
        // finds the PeerInfo set and follows this event through the inbox.
        synchronized (s) {
            DesiredState now = state.get();
            if (s.dynamicRange != null) {
                // The range's settings in the AS the OPEN carried: policies match on it, show prints it.
                s.desired = s.dynamicRange.peerAt(s.desired.address(), session.peerAs());
            }
            DesiredPeer desired = s.desired;
            // Set before any UPDATE of the session is handed on: they carry this PeerInfo.
            PeerInfo info = PeerSettings.info(now, s.id, desired, session);
            s.info = info;
            s.negotiated = session;
            s.lastError = "";
            // Before the session's UPDATEs: the FIB may need its interface for their link-local next hops.
            interfaces.established(s.id, peer.localAddress().orElse(null), peer.config().address());
            submit(s, new RibEvent.SessionEstablished(info, PeerSettings.importOf(now, desired),
                    GracefulRestartTerms.forwardingPreserved(session),
                    PeerSettings.outbound(now, desired, info, session, peer.localAddress(), channel)));
        }
        if (s.inbox.paused()) {
            // A new connection reads by default; the RIB is still behind this peer.
            peer.pauseReading();
        }
    }

    @Override
    public void update(BgpPeer peer, Update update) {
        PeerSlot s = registry.bySession(peer);
        if (s != null && s.info != null) {
            s.updatesIn.incrementAndGet();
            submit(s, new RibEvent.UpdateReceived(s.info, update));
        }
    }

    @Override
    public void endOfRib(BgpPeer peer, Family family) {
        PeerSlot s = registry.bySession(peer);
        if (s != null && s.info != null) {
            submit(s, new RibEvent.EndOfRib(s.info, family));
        }
    }

    @Override
    public void refreshRequested(BgpPeer peer, Family family, boolean enhanced) {
        PeerSlot s = registry.bySession(peer);
        if (s != null) {
            submit(s, new RibEvent.RefreshRequested(s.id, family, enhanced));
        }
    }

    @Override
    public void refreshBegin(BgpPeer peer, Family family) {
        PeerSlot s = registry.bySession(peer);
        if (s != null && s.info != null) {
            long round = timers.refreshBegun(s, s.info, family);
            submit(s, new RibEvent.RefreshBegun(s.info, family, round));
        }
    }

    @Override
    public void refreshEnd(BgpPeer peer, Family family) {
        PeerSlot s = registry.bySession(peer);
        if (s != null && s.info != null) {
            timers.refreshEnded(s, family);
            submit(s, new RibEvent.RefreshEnded(s.info, family));
        }
    }

    @Override
    public void down(BgpPeer peer, SessionReport.SessionDown down) {
        PeerSlot s = registry.bySession(peer);
        if (s == null) {
            return;
        }
        s.lastError = down.reason()
                + down.notification().map(n -> " " + n.codes()).orElse("")
                + (down.detail().isEmpty() ? "" : ": " + down.detail());
        PeerInfo ended = s.info;
        NegotiatedSession endedSession = s.negotiated;
        if (!down.wasEstablished() || ended == null) {
            submit(s, new RibEvent.SessionClosed(s.id));
            return;
        }
        GracefulRestartTerms terms = endedSession == null ? GracefulRestartTerms.NONE : GracefulRestartTerms.of(endedSession);
        // RFC 4724 §4.2: a session that ended without a NOTIFICATION (the peer restarting) keeps the peer's routes
        // as stale when it announced Graceful Restart; so does one ended by a NOTIFICATION, sent or received, other
        // than Hard Reset when both sides set the N bit (RFC 8538 §4). Any other NOTIFICATION ends them.
        // A failed path (link down, BFD down) forwards nothing: the routes cannot be kept as stale.
        // A dynamic peer is forgotten when its session ends, so it has nothing to come back to.
        boolean graceful = s.dynamicRange == null && down.reason() != DownReason.PATH_DOWN && endedSession != null
                && endedSession.endsGracefully(down.notification());
        if (state.get().gracefulRestart().enabled() && graceful && terms.keepsRoutes()) {
            submit(s, new RibEvent.PeerRestarting(ended, terms.retained(), terms.restartTime(), terms.llgrStaleTime()));
            timers.restarting(s, ended, terms);
        } else {
            submit(s, new RibEvent.PeerDown(ended));
        }
    }

    @Override
    public void problem(BgpPeer peer, Malformation problem) {
        events.problem(peer.config().address(), problem);
    }

    @Override
    public void writable(BgpPeer peer) {
        // The after-batch work sends the peer what it is owed.
        rib.wake();
    }
}
