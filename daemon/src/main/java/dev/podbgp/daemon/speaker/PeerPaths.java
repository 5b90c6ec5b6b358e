package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.rib.event.RibEvent;
import java.util.Optional;

/**
 * What the failure detectors say about the forwarding path to a peer: BFD ({@code run/BfdClient}, on the BFD event
 * loop) and the link monitor ({@code run/FastFallover}, on the netlink monitor thread). Addresses no configured peer
 * has are ignored: the peer was removed while the report was on its way.
 */
public final class PeerPaths {

    private final PeerRegistry registry;
    private final RibThread ribThread;
    private final RestartTimers timers;

    PeerPaths(PeerRegistry registry, RibThread ribThread, RestartTimers timers) {
        this.registry = registry;
        this.ribThread = ribThread;
        this.timers = timers;
    }

    /**
     * The path to {@code address} failed (its link went down, or BFD said so): its session ends now and the peer's
     * routes go at once, graceful restart or not, since nothing forwards over that path.
     */
    public void down(IpAddress address, boolean bfd, String detail) {
        PeerSlot slot = registry.byAddress(address);
        if (slot != null) {
            slot.bgp.pathDown(bfd, detail);
        }
    }

    /**
     * BFD says the path to {@code address} failed (RFC 5882 §4.3). A session that is up (or opening) ends now with
     * Cease / BFD Down and the peer's routes go at once ({@link #down}). A peer whose session had already ended
     * and whose routes are kept stale for its restart (RFC 4724 §4.2) keeps them only if its BFD shares fate with its
     * control plane (C bit clear): then the restart took BFD down with it. With the C bit set, BFD survives a
     * restart, so its failure means forwarding failed, and the stale routes go now instead of at the restart timer
     * (RFC 5882 §4.3.2).
     *
     * @return what was done, for the log
     */
    public String bfdDown(IpAddress address, boolean peerControlPlaneIndependent, String detail) {
        PeerSlot slot = registry.byAddress(address);
        if (slot == null) {
            return "peer no longer configured";
        }
        if (slot.bgp.state() != SessionState.IDLE) {
            slot.bgp.pathDown(true, detail);
            return "BGP session ended, routes removed";
        }
        var info = slot.info;
        if (info == null) {
            return "no BGP session yet";
        }
        if (!peerControlPlaneIndependent) {
            return "BGP already down; stale routes kept (the peer's C bit is clear: its restart takes BFD down too)";
        }
        timers.cancel(slot);
        ribThread.post(new RibEvent.RestartTimerExpired(info));
        return "BGP already down; stale routes removed (the peer's C bit is set: forwarding failed)";
    }

    /** The path to {@code address} is back: a session waiting out its retry backoff tries now. */
    public void up(IpAddress address) {
        PeerSlot slot = registry.byAddress(address);
        if (slot != null) {
            slot.bgp.retryNow();
        }
    }

    /** Our end of the Established session to {@code address}: the source a single-hop BFD session uses. */
    public Optional<IpAddress> localAddress(IpAddress address) {
        PeerSlot slot = registry.byAddress(address);
        if (slot == null || slot.bgp.state() != SessionState.ESTABLISHED) {
            return Optional.empty();
        }
        // A scoped (link-local) address has no IpAddress form; such a BFD session needs an interface, not this.
        return slot.bgp.localAddress().map(a -> a.getAddress().getHostAddress()).filter(h -> h.indexOf('%') < 0)
                .map(IpAddress::parse);
    }
}
