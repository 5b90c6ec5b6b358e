package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.rib.policy.MaxPrefixVerdict;

/**
 * Something the session owner of a peer must act on, found while the RIB applied that peer's routes. The RIB
 * never throws these: a peer's behaviour is not a bug.
 */
public sealed interface PeerNotice {

    PeerInfo peer();

    /**
     * The peer's accepted-prefix count in {@code family} crossed a max-prefix mark. {@code verdict} is
     * {@link MaxPrefixVerdict.Warn} (log once), {@link MaxPrefixVerdict.TearDown} (send its Cease/1 NOTIFICATION,
     * close, restart after its delay; the RIB already refuses the peer's further new routes) or
     * {@link MaxPrefixVerdict.StopAccepting} (given once when refusing starts; the session stays up).
     */
    record MaxPrefix(PeerInfo peer, Family family, MaxPrefixVerdict verdict) implements PeerNotice {
    }

    /**
     * Import settings changed for a peer without soft reconfiguration: the RIB holds only post-policy routes, so
     * the caller sends ROUTE-REFRESH (RFC 2918) for each family and the peer's re-sent routes meet the new policy.
     */
    record RouteRefreshNeeded(PeerInfo peer) implements PeerNotice {
    }

    /**
     * The peer's End-of-RIB for {@code family} was applied: every route it sent before is in the Loc-RIB (and was
     * handed to the listeners), and its stale routes of the family are gone. A restarting speaker counts these to
     * know when its own stale forwarding state may go (RFC 4724 §4.1).
     */
    record EndOfRibApplied(PeerInfo peer, Family family) implements PeerNotice {
    }

    /**
     * The peer's enhanced route refresh of {@code family} ended (RFC 7313 §4): at its EoRR, or when
     * {@link Rib#REFRESH_STALE_TIME} passed without one ({@code timedOut}). {@code removed} routes were marked
     * stale by its BoRR and not sent again, so they went. For the log: routes gone without a withdrawal.
     */
    record RefreshEnded(PeerInfo peer, Family family, int removed, boolean timedOut) implements PeerNotice {
    }
}
