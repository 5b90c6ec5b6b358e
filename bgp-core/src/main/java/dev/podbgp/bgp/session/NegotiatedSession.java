package dev.podbgp.bgp.session;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.capability.Multiprotocol;
import dev.podbgp.bgp.wire.message.CapabilityNegotiation;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.Ipv4Address;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What both OPENs agreed on; immutable, so it may be handed to other threads.
 *
 * @param codec         the codec context for every message after the OPENs
 * @param families      families both sides advertised (RFC 4760 §8), in our order; a side
 *                      without any multiprotocol capability has IPv4 unicast only
 * @param holdTime      seconds, min of both offers (RFC 4271 §4.2); 0 means no hold timer and
 *                      no KEEPALIVEs
 * @param keepaliveTime seconds between KEEPALIVEs; 0 when {@code holdTime} is 0
 * @param peerAs        the peer's AS, from the 4-octet AS capability when sent (RFC 6793 §4.1)
 */
public record NegotiatedSession(
        SessionCapabilities codec,
        Set<Family> families,
        int holdTime,
        int keepaliveTime,
        long peerAs,
        Ipv4Address peerId,
        Open localOpen,
        Open peerOpen) {

    public NegotiatedSession {
        Objects.requireNonNull(codec, "codec");
        families = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(families));
    }

    static NegotiatedSession of(SessionConfig config, Open local, Open peer) {
        Set<Family> families = new LinkedHashSet<>(advertisedFamilies(local));
        families.retainAll(advertisedFamilies(peer));
        int hold = CapabilityNegotiation.holdTime(local, peer);
        // RFC 4271 §4.4: KEEPALIVEs no more often than one per second, at most a third of the hold time.
        int keepalive = hold == 0 ? 0 : Math.max(1, Math.min(config.keepaliveTime(), hold / 3));
        return new NegotiatedSession(CapabilityNegotiation.negotiate(local, peer), families, hold, keepalive,
                peer.asn(), peer.bgpIdentifier(), local, peer);
    }

    /** RFC 4760 §8 families of one OPEN; none at all means plain RFC 4271, i.e. IPv4 unicast. */
    static Set<Family> advertisedFamilies(Open open) {
        List<Multiprotocol> mp = open.capabilities(Multiprotocol.class);
        Set<Family> result = new LinkedHashSet<>();
        if (mp.isEmpty()) {
            result.add(Family.IPV4_UNICAST);
        }
        mp.forEach(c -> result.add(c.family()));
        return result;
    }

    /** RFC 2918 §2: code 2, or the pre-standard code 128 that means the same. */
    private static boolean routeRefresh(Open open) {
        return open.has(Capability.ROUTE_REFRESH) || open.has(Capability.CISCO_ROUTE_REFRESH);
    }

    /** We advertised route refresh, so the peer may ask (RFC 2918 §4 binds the sender to our capability). */
    public boolean acceptsRouteRefresh() {
        return routeRefresh(localOpen);
    }

    /** The peer advertised route refresh, so we may ask it to re-send (RFC 2918 §4). */
    public boolean peerAcceptsRouteRefresh() {
        return routeRefresh(peerOpen);
    }

    /** We advertised enhanced route refresh, so the peer may send us BoRR and EoRR (RFC 7313 §4). */
    public boolean acceptsEnhancedRouteRefresh() {
        return localOpen.has(Capability.ENHANCED_ROUTE_REFRESH);
    }

    /** Both sides advertised enhanced route refresh: our answers to a refresh carry BoRR and EoRR (RFC 7313 §4). */
    public boolean enhancedRouteRefresh() {
        return acceptsEnhancedRouteRefresh() && peerOpen.has(Capability.ENHANCED_ROUTE_REFRESH);
    }

    /**
     * RFC 8538 §2: both OPENs carry a Graceful Restart capability with the N bit, so a
     * NOTIFICATION other than Hard Reset ends the session as gracefully as a TCP failure.
     */
    public boolean gracefulNotification() {
        return notificationBit(localOpen) && notificationBit(peerOpen);
    }

    private static boolean notificationBit(Open open) {
        return open.capabilities(GracefulRestart.class).stream().anyMatch(GracefulRestart::notification);
    }

    /**
     * RFC 4724 §4.2 and RFC 8538 §4: whether this session ending with {@code notification} (sent
     * or received; empty for a lost connection) lets each side keep the other's routes as stale,
     * as far as the messages go: a lost connection always does, a NOTIFICATION only when N was
     * negotiated and it is not a Hard Reset. Which routes are kept is up to each side's capability.
     */
    public boolean endsGracefully(Optional<Notification> notification) {
        return notification.isEmpty() || gracefulNotification() && !notification.get().isHardReset();
    }

    /**
     * RFC 4724 §4.1: a connection closed without NOTIFICATION makes the peer keep our routes
     * while we restart: it announced Graceful Restart (so it helps) and our capability lists
     * the families to keep.
     */
    public boolean peerHelpsOurRestart() {
        return !peerOpen.capabilities(GracefulRestart.class).isEmpty()
                && localOpen.capabilities(GracefulRestart.class).stream().anyMatch(gr -> !gr.entries().isEmpty());
    }

    /** Internal session (RFC 4271 §3). */
    public boolean internal() {
        return localOpen.asn() == peerAs;
    }

    /**
     * RFC 4724 §2: the End-of-RIB marker to send after the initial table of {@code family}.
     * Asking for a family that was not negotiated is a bug in the caller.
     */
    public Update endOfRib(Family family) {
        requireFamily(family);
        return Update.endOfRib(family);
    }

    /** A ROUTE-REFRESH asking the peer to re-send {@code family}; only if the peer accepts them. */
    public RouteRefresh routeRefreshRequest(Family family) {
        requireFamily(family);
        if (!peerAcceptsRouteRefresh()) {
            throw new IllegalStateException("the peer did not advertise route refresh (RFC 2918 §4)");
        }
        return RouteRefresh.normal(family);
    }

    /** RFC 7313 §4 BoRR, sent before re-advertising {@code family} in answer to a refresh. */
    public RouteRefresh beginOfRouteRefresh(Family family) {
        return marker(family, RouteRefresh.BEGIN);
    }

    /** RFC 7313 §4 EoRR, sent after re-advertising {@code family}. */
    public RouteRefresh endOfRouteRefresh(Family family) {
        return marker(family, RouteRefresh.END);
    }

    private RouteRefresh marker(Family family, int subtype) {
        requireFamily(family);
        if (!enhancedRouteRefresh()) {
            throw new IllegalStateException("enhanced route refresh was not negotiated (RFC 7313 §4)");
        }
        return new RouteRefresh(family, subtype);
    }

    private void requireFamily(Family family) {
        if (!families.contains(family)) {
            throw new IllegalArgumentException(family + " was not negotiated; this session has " + families);
        }
    }
}
