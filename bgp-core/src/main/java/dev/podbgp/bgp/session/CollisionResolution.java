package dev.podbgp.bgp.session;

import dev.podbgp.inet.Ipv4Address;
import java.util.Optional;

/**
 * RFC 4271 §6.8 connection collision: two connections to one peer, one it opened and one
 * we opened. Pure decision; the driver sends {@link SessionEvent.CollisionDump} to the
 * session of the connection chosen here.
 *
 * <p>The driver asks whenever a session reaches OpenConfirm (the peer's OPEN, and so its
 * identifier, is known) while another connection to the same peer exists.
 */
public final class CollisionResolution {

    private CollisionResolution() {}

    /**
     * Which connection to close, or empty when there is no collision to resolve yet: the
     * other connection has not reached OpenSent, or neither has seen the peer's OPEN (§6.8
     * only examines OpenSent connections when the peer's identifier is otherwise known,
     * which is the case here as soon as one connection is in OpenConfirm).
     */
    public static Optional<ConnectionDirection> resolve(long localAs, Ipv4Address localId, long peerAs, Ipv4Address peerId,
            SessionState inbound, SessionState outbound) {
        if (!inbound.hasConnection() || !outbound.hasConnection()) {
            return Optional.empty();
        }
        if (inbound == SessionState.OPEN_SENT && outbound == SessionState.OPEN_SENT) {
            return Optional.empty();
        }
        // §6.8: a collision with an Established connection closes the newer one.
        if (inbound == SessionState.ESTABLISHED && outbound != SessionState.ESTABLISHED) {
            return Optional.of(ConnectionDirection.OUTBOUND);
        }
        if (outbound == SessionState.ESTABLISHED && inbound != SessionState.ESTABLISHED) {
            return Optional.of(ConnectionDirection.INBOUND);
        }
        return Optional.of(loser(localAs, localId, peerAs, peerId));
    }

    /**
     * The tie-break itself. §6.8: identifiers compare as unsigned 32-bit integers; when ours
     * is lower, the connection we opened is closed, otherwise the one the peer opened. RFC
     * 6286 §2.3: equal identifiers (possible between different ASes) keep the connection
     * opened by the side with the larger AS.
     */
    public static ConnectionDirection loser(long localAs, Ipv4Address localId, long peerAs, Ipv4Address peerId) {
        int byId = Integer.compareUnsigned(localId.bits(), peerId.bits());
        if (byId != 0) {
            return byId < 0 ? ConnectionDirection.OUTBOUND : ConnectionDirection.INBOUND;
        }
        return localAs > peerAs ? ConnectionDirection.INBOUND : ConnectionDirection.OUTBOUND;
    }
}
