package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.rib.event.RibEvent;

/**
 * The operator's commands on one neighbour ({@code podbgp clear neighbor ADDR [--soft in|out]}), called on the
 * control socket's thread. Each answers with a sentence for the operator, or throws with one that says what to do
 * instead; none waits for the session or the RIB thread.
 */
public final class NeighborCommands {

    /** The RFC 9003 shutdown communication of an operator's clear, so the peer's operator sees why. */
    private static final String CLEAR_COMMUNICATION = "podbgp clear neighbor";

    private final PeerRegistry registry;
    private final RibThread ribThread;

    NeighborCommands(PeerRegistry registry, RibThread ribThread) {
        this.registry = registry;
        this.ribThread = ribThread;
    }

    /**
     * {@code podbgp clear neighbor ADDR}: a session with a connection ends with Cease/Administrative Reset and
     * comes back at once; one in Idle (retry backoff, or kept down after a max-prefix teardown) starts now. See
     * {@link dev.podbgp.bgp.transport.BgpPeer#clear}.
     *
     * @return what was done, for the operator
     * @throws IllegalArgumentException when no configured peer has {@code address}
     */
    public String clear(IpAddress address) {
        PeerSlot slot = configured(address);
        SessionState was = slot.bgp.state();
        slot.bgp.clear(CLEAR_COMMUNICATION);
        return was == SessionState.IDLE
                ? "starting the session to " + address + " (it was Idle" + (slot.lastError.isEmpty() ? "" : ": " + slot.lastError) + ")"
                : "reset the session to " + address + " (was " + was.rfcName() + ") with Cease/Administrative Reset; it comes back at once";
    }

    /**
     * {@code podbgp clear neighbor ADDR --soft in}: asks the peer for its routes again with a ROUTE-REFRESH per
     * negotiated family (RFC 2918), without a reset.
     *
     * @throws IllegalArgumentException when no configured peer has {@code address}
     * @throws IllegalStateException when the session is not Established or the peer did not announce Route Refresh
     */
    public String refreshFrom(IpAddress address) {
        PeerSlot slot = configured(address);
        NegotiatedSession n = established(slot, address);
        if (!n.peerAcceptsRouteRefresh()) {
            throw new IllegalStateException(address + " did not announce Route Refresh (RFC 2918) in its OPEN, so it"
                    + " cannot be asked for its routes again; 'podbgp clear neighbor " + address + "' resets the session instead");
        }
        n.families().forEach(slot.bgp::requestRefresh);
        return "asked " + address + " for its routes again (ROUTE-REFRESH for " + n.families() + ")";
    }

    /**
     * {@code podbgp clear neighbor ADDR --soft out}: sends the peer every route we advertise to it again, family by
     * family, without a reset, as when it asks with a ROUTE-REFRESH: between a BoRR and an EoRR when enhanced route
     * refresh was negotiated, since RFC 7313 §4 frames a refresh "initiated locally" too, so the peer drops what it
     * holds from us and does not get again.
     *
     * @throws IllegalArgumentException when no configured peer has {@code address}
     * @throws IllegalStateException when the session is not Established
     */
    public String resendTo(IpAddress address) {
        PeerSlot slot = configured(address);
        NegotiatedSession n = established(slot, address);
        n.families().forEach(f -> ribThread.post(new RibEvent.RefreshRequested(slot.id, f, n.enhancedRouteRefresh())));
        return "sending " + address + " our routes again";
    }

    private PeerSlot configured(IpAddress address) {
        PeerSlot slot = registry.byAddress(address);
        if (slot == null) {
            throw new IllegalArgumentException("no configured peer has address " + address + "; 'podbgp show neighbors' lists them");
        }
        return slot;
    }

    private static NegotiatedSession established(PeerSlot slot, IpAddress address) {
        SessionState state = slot.bgp.state();
        NegotiatedSession n = slot.negotiated;
        if (state != SessionState.ESTABLISHED || n == null) {
            throw new IllegalStateException("the session to " + address + " is " + state.rfcName() + ", not Established;"
                    + " 'podbgp clear neighbor " + address + "' without --soft starts it");
        }
        return n;
    }
}
