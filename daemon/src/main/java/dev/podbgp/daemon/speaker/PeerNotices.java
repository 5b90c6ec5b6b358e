package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.log.EventLog;
import dev.podbgp.rib.PeerNotice;
import dev.podbgp.rib.PeerNoticeListener;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.policy.MaxPrefixVerdict;

/**
 * What the RIB asks of a peer's session, carried out (on the RIB thread, without blocking: the transport calls
 * hand over to the peer's event loop): max-prefix warnings, teardown with Cease/1 and the restart after the
 * configured interval; a ROUTE-REFRESH when an import change cannot be applied from stored routes; a log line
 * for the routes a peer's enhanced route refresh removed.
 */
final class PeerNotices implements PeerNoticeListener {

    private static final EventLog LOG = EventLog.named("podbgp.speaker");

    private final PeerRegistry registry;
    private final RestartTimers timers;

    PeerNotices(PeerRegistry registry, RestartTimers timers) {
        this.registry = registry;
        this.timers = timers;
    }

    @Override
    public void onPeerNotice(PeerNotice notice) {
        PeerSlot slot = registry.byId(notice.peer().id());
        if (slot == null) {
            return;
        }
        switch (notice) {
            case PeerNotice.MaxPrefix m -> maxPrefix(slot, m);
            case PeerNotice.RouteRefreshNeeded r -> requestRefresh(slot);
            // Counted by LocalRestart when this start is a restart; nothing to do for the session.
            case PeerNotice.EndOfRibApplied e -> { }
            case PeerNotice.RefreshEnded r -> refreshEnded(slot, r);
        }
    }

    /** RFC 7313 §4: routes a refresh did not send again leave without a withdrawal, so they are logged. */
    private static void refreshEnded(PeerSlot slot, PeerNotice.RefreshEnded r) {
        if (r.timedOut()) {
            LOG.warn("refresh-timed-out").with("peer", slot.desired.address()).with("family", r.family())
                    .with("stale-removed", r.removed()).with("after-seconds", Rib.REFRESH_STALE_TIME.toSeconds()).log();
        } else {
            LOG.info("refresh-ended").with("peer", slot.desired.address()).with("family", r.family())
                    .with("stale-removed", r.removed()).log();
        }
    }

    private void maxPrefix(PeerSlot slot, PeerNotice.MaxPrefix m) {
        switch (m.verdict()) {
            case MaxPrefixVerdict.TearDown t -> {
                slot.lastError = "maximum prefixes exceeded (" + t.count() + ") in " + m.family();
                LOG.warn("max-prefix-teardown").with("peer", slot.desired.address()).with("family", m.family())
                        .with("count", t.count()).log();
                slot.bgp.tearDown(t.notification());
                t.restartAfter().ifPresent(after -> timers.after(after, () -> {
                    if (registry.byAddress(slot.desired.address()) == slot) {
                        slot.bgp.restart();
                    }
                }));
            }
            case MaxPrefixVerdict.Warn w -> LOG.warn("max-prefix-warning").with("peer", slot.desired.address())
                    .with("family", m.family()).with("count", w.count()).log();
            case MaxPrefixVerdict.StopAccepting s -> LOG.warn("max-prefix-stop-accepting")
                    .with("peer", slot.desired.address()).with("family", m.family()).log();
            case MaxPrefixVerdict.Ok ok -> { }
        }
    }

    private static void requestRefresh(PeerSlot slot) {
        NegotiatedSession n = slot.negotiated;
        BgpPeer b = slot.bgp;
        if (n != null && b != null && n.peerAcceptsRouteRefresh()) {
            n.families().forEach(b::requestRefresh);
        }
    }
}
