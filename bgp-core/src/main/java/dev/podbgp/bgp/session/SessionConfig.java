package dev.podbgp.bgp.session;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.EnhancedRouteRefresh;
import dev.podbgp.bgp.wire.capability.FourOctetAs;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.capability.Multiprotocol;
import dev.podbgp.bgp.wire.capability.RouteRefreshCapability;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.inet.Ipv4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one session needs to know about its peer and itself.
 *
 * @param localAs          our AS; above 65535 needs the 4-octet AS capability among
 *                         {@code capabilities} (RFC 6793 §4.1)
 * @param peerAs           the AS the peer must announce in its OPEN (RFC 4271 §6.2); equal to
 *                         {@code localAs} makes the session internal
 * @param localId          our BGP identifier (RFC 6286: any non-zero value)
 * @param holdTime         seconds we offer in our OPEN: 0 (no keepalives) or 3..65535
 * @param keepaliveTime    seconds between our KEEPALIVEs, further limited to a third of the
 *                         negotiated hold time (RFC 4271 §4.4, §10)
 * @param connectRetryTime how long one connection attempt (Connect) or the wait for the peer
 *                         (Active) lasts before trying again (RFC 4271 §10 suggests 120 s)
 * @param restartBackoff   the wait in Idle after a failure, see {@link RestartBackoff}
 * @param passive          never connect; wait for the peer to connect (Active only)
 * @param capabilities     what our OPEN advertises, in this order
 * @param required         capabilities the peer must also advertise, or we refuse the session
 *                         with Unsupported Capability (RFC 5492 §5). Each must be one of
 *                         {@code capabilities}. A {@link Multiprotocol} entry requires that
 *                         family; any other entry requires a capability with the same code
 *                         (its value, e.g. the peer's 4-octet AS, may differ).
 * @param acceptedPeerAs   which AS the peer's OPEN may carry; {@link PeerAsRule.Exactly} {@code peerAs} for a
 *                         configured peer. A wider rule (a dynamic neighbour) must accept {@code peerAs}, which
 *                         is then only its representative: the AS of the session is the one its OPEN carries.
 */
public record SessionConfig(
        long localAs,
        long peerAs,
        Ipv4Address localId,
        int holdTime,
        int keepaliveTime,
        Duration connectRetryTime,
        BackoffPolicy restartBackoff,
        boolean passive,
        List<Capability> capabilities,
        List<Capability> required,
        PeerAsRule acceptedPeerAs) {

    /** RFC 4271 §10 suggested values. */
    public static final int DEFAULT_HOLD_TIME = 90;
    public static final int DEFAULT_KEEPALIVE_TIME = 30;
    public static final Duration DEFAULT_CONNECT_RETRY_TIME = Duration.ofSeconds(120);
    /** Restart time in our Graceful Restart capability (RFC 4724 §3), a common default. */
    public static final int END_OF_RIB_RESTART_TIME = 120;

    public SessionConfig {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(acceptedPeerAs, "acceptedPeerAs");
        Objects.requireNonNull(connectRetryTime, "connectRetryTime");
        Objects.requireNonNull(restartBackoff, "restartBackoff");
        capabilities = List.copyOf(capabilities);
        required = List.copyOf(required);
        checkAs("local", localAs);
        checkAs("peer", peerAs);
        if (localId.bits() == 0) {
            throw new IllegalArgumentException("BGP identifier 0.0.0.0 is invalid (RFC 6286 §2.1)");
        }
        if (holdTime == 1 || holdTime == 2 || holdTime < 0 || holdTime > 0xffff) {
            throw new IllegalArgumentException("hold time " + holdTime + " s: 0 or 3..65535 (RFC 4271 §4.2)");
        }
        if (keepaliveTime < 1) {
            throw new IllegalArgumentException("keepalive time " + keepaliveTime + " s");
        }
        if (!connectRetryTime.isPositive()) {
            throw new IllegalArgumentException("connect retry time " + connectRetryTime);
        }
        List<FourOctetAs> asn4 = capabilities.stream().filter(FourOctetAs.class::isInstance).map(FourOctetAs.class::cast).toList();
        if (asn4.stream().anyMatch(c -> c.asn() != localAs)) {
            throw new IllegalArgumentException("4-octet AS capability " + asn4 + " differs from the local AS " + localAs);
        }
        if (localAs > 0xffff && asn4.isEmpty()) {
            throw new IllegalArgumentException("AS " + localAs + " needs the 4-octet AS capability (RFC 6793 §4.1)");
        }
        for (Capability c : required) {
            if (!capabilities.contains(c)) {
                throw new IllegalArgumentException("required capability " + c + " is not advertised");
            }
        }
        if (!acceptedPeerAs.accepts(peerAs, localAs)) {
            throw new IllegalArgumentException("peer AS " + peerAs + " is outside the accepted " + acceptedPeerAs);
        }
    }

    /** A configured peer's session: only {@code peerAs} is accepted in its OPEN. */
    public SessionConfig(long localAs, long peerAs, Ipv4Address localId, int holdTime, int keepaliveTime,
            Duration connectRetryTime, BackoffPolicy restartBackoff, boolean passive, List<Capability> capabilities,
            List<Capability> required) {
        this(localAs, peerAs, localId, holdTime, keepaliveTime, connectRetryTime, restartBackoff, passive, capabilities,
                required, PeerAsRule.exactly(peerAs));
    }

    private static void checkAs(String which, long asn) {
        // RFC 7607 §2: AS 0 must not be used.
        if (asn <= 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(which + " AS " + asn + " is outside 1..4294967295");
        }
    }

    /**
     * RFC 4271 defaults and what a pod-CIDR speaker advertises: multiprotocol for each
     * family, route refresh, enhanced route refresh, 4-octet AS and End-of-RIB support
     * (Graceful Restart without families); nothing required.
     */
    public static SessionConfig of(long localAs, long peerAs, Ipv4Address localId, Set<Family> families) {
        return new SessionConfig(localAs, peerAs, localId, DEFAULT_HOLD_TIME, DEFAULT_KEEPALIVE_TIME,
                DEFAULT_CONNECT_RETRY_TIME, BackoffPolicy.DEFAULT, false, standardCapabilities(localAs, families), List.of());
    }

    /** Multiprotocol per family (IPv4 before IPv6), route refresh, enhanced route refresh, 4-octet AS, GR without families. */
    public static List<Capability> standardCapabilities(long localAs, Set<Family> families) {
        List<Capability> caps = new ArrayList<>();
        families.stream().sorted(Comparator.comparingInt(Family::afi).thenComparingInt(Family::safi)).forEach(f -> caps.add(new Multiprotocol(f)));
        caps.add(RouteRefreshCapability.INSTANCE);
        caps.add(EnhancedRouteRefresh.INSTANCE);
        caps.add(new FourOctetAs(localAs));
        // RFC 4724 §3: Graceful Restart with no families says "I send and understand
        // End-of-RIB"; FRR sends End-of-RIB only to peers that advertise it.
        caps.add(new GracefulRestart(0, END_OF_RIB_RESTART_TIME, List.of()));
        return caps;
    }

    /** RFC 4271 §3: an internal peer is in our own AS. */
    public boolean internal() {
        return localAs == peerAs;
    }

    /** The OPEN this session sends. */
    public Open open() {
        return Open.of(localAs, holdTime, localId, capabilities);
    }

    public SessionConfig withHoldTime(int seconds, int keepalive) {
        return new SessionConfig(localAs, peerAs, localId, seconds, keepalive, connectRetryTime, restartBackoff, passive,
                capabilities, required, acceptedPeerAs);
    }

    public SessionConfig withPassive(boolean value) {
        return new SessionConfig(localAs, peerAs, localId, holdTime, keepaliveTime, connectRetryTime, restartBackoff, value,
                capabilities, required, acceptedPeerAs);
    }

    public SessionConfig withCapabilities(List<Capability> advertised, List<Capability> mustHave) {
        return new SessionConfig(localAs, peerAs, localId, holdTime, keepaliveTime, connectRetryTime, restartBackoff, passive,
                advertised, mustHave, acceptedPeerAs);
    }

    /**
     * A session for a peer whose AS is known only from its OPEN: any AS {@code rule} accepts, the rule's
     * representative standing for it until then.
     */
    public SessionConfig withAcceptedPeerAs(PeerAsRule rule) {
        return new SessionConfig(localAs, rule.representative(localAs), localId, holdTime, keepaliveTime, connectRetryTime,
                restartBackoff, passive, capabilities, required, rule);
    }

    public SessionConfig withTimers(Duration connectRetry, BackoffPolicy backoff) {
        return new SessionConfig(localAs, peerAs, localId, holdTime, keepaliveTime, connectRetry, backoff, passive,
                capabilities, required, acceptedPeerAs);
    }
}
