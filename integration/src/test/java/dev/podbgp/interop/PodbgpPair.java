package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.DownReason;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Peer;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.podbgp.OriginatedRoute;
import dev.podbgp.lab.podbgp.PodbgpNode;
import dev.podbgp.lab.podbgp.ReceivedRoute;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What every interop test sets up the same way: a podbgp node linked to one peer node, podbgp
 * listening and peering over the link's IPv4 or IPv6 addresses with short timers, and
 * announcing itself with the link addresses as next hops.
 */
record PodbgpPair(Node pod, Node peer, Link link) {

    static final Duration UP = Duration.ofSeconds(30);
    static final Duration ROUTE = Duration.ofSeconds(15);
    /** How long a session that must not come up is watched: several connect retries of both sides. */
    static final Duration REFUSED = Duration.ofSeconds(8);
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
    static final long AS4 = 4200000001L;
    /** Our offer; the fixtures offer 3 s, so the negotiated hold time is theirs (RFC 4271 §4.2). */
    static final int HOLD = 9;

    static PodbgpPair create(Lab lab, String peerLabel) {
        Node pod = lab.node("pod");
        Node peer = lab.node(peerLabel);
        return new PodbgpPair(pod, peer, lab.link(pod, peer));
    }

    IpAddress podAddress(AddressFamily f) {
        return link.address(pod, f);
    }

    IpAddress peerAddress(AddressFamily f) {
        return link.address(peer, f);
    }

    /** podbgp listening on its own link address of {@code transport}, port 179. */
    PodbgpNode startPodbgp(AddressFamily transport) {
        return PodbgpNode.start(pod, new InetSocketAddress(inet(podAddress(transport)), PeerConfig.BGP_PORT));
    }

    /**
     * Adds the peer over {@code transport}, both families, next hops = our link addresses (an
     * IPv4 route over an IPv6 session still carries a plain IPv4 NEXT_HOP).
     */
    BgpPeer addPeer(PodbgpNode podbgp, AddressFamily transport, long localAs, long peerAs,
                    UnaryOperator<PeerConfig> tweak) {
        PeerConfig c = PeerConfig.of(inet(peerAddress(transport)), session(localAs, peerAs))
                .withLocalAddress(inet(podAddress(transport)));
        return podbgp.addPeer(tweak.apply(c), podAddress(IPV4), podAddress(IPV6));
    }

    static SessionConfig session(long localAs, long peerAs) {
        SessionConfig c = SessionConfig.of(localAs, peerAs, Ipv4Address.parse("192.0.2.1"), BOTH);
        return c.withHoldTime(HOLD, 3).withTimers(Duration.ofSeconds(2), c.restartBackoff());
    }

    static InetAddress inet(IpAddress a) {
        try {
            return InetAddress.getByAddress(a.toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** What the peer fixture originates in the exchange tests. */
    static final Route PEER_V4 = Route.of("10.250.0.0/24").communities("65010:1").med(20);
    static final Route PEER_V6 = Route.of("fd00:250::/64").communities("65010:2").med(30);
    /** What podbgp originates in the exchange tests. */
    static final OriginatedRoute OUR_V4 = OriginatedRoute.of("10.240.1.0/24").med(5).communities("65000:100");
    static final OriginatedRoute OUR_V6 = OriginatedRoute.of("fd00:10:240:1::/64").med(6).communities("65000:106");

    /**
     * Both families both ways on an Established session to {@code fixture} (reached at
     * {@code peerSession}): each side gets the other's routes with the attributes sent, and
     * End-of-RIB, and then the withdrawals. On eBGP the AS path is the sender's AS; on iBGP it
     * is empty (RFC 4271 §5.1.2).
     */
    void assertExchange(Peer fixture, PodbgpNode podbgp, IpAddress peerSession, long ourAs, long peerAs) {
        boolean ebgp = ourAs != peerAs;
        // The peer learns ours with what we sent.
        RouteAttributes v4 = fixture.awaitRoute(OUR_V4.prefix(), ROUTE);
        assertThat(v4.nextHop()).isEqualTo(podAddress(IPV4));
        assertThat(v4.asPath()).isEqualTo(ebgp ? List.of(ourAs) : List.of());
        assertThat(v4.med()).hasValue(5);
        assertThat(v4.communities()).containsExactly(Community.parse("65000:100"));
        RouteAttributes v6 = fixture.awaitRoute(OUR_V6.prefix(), ROUTE);
        assertThat(v6.nextHop()).isEqualTo(podAddress(IPV6));
        assertThat(v6.asPath()).isEqualTo(ebgp ? List.of(ourAs) : List.of());
        assertThat(v6.med()).hasValue(6);
        assertThat(v6.communities()).containsExactly(Community.parse("65000:106"));
        if (!ebgp) {
            assertThat(v4.localPref()).hasValue(100);
        }

        // We learn the peer's with what it sent.
        podbgp.awaitRoute(peerSession, PEER_V4.prefix(), ROUTE);
        podbgp.awaitRoute(peerSession, PEER_V6.prefix(), ROUTE);
        AsPath theirPath = ebgp ? AsPath.ofSequence(peerAs) : AsPath.EMPTY;
        ReceivedRoute r4 = podbgp.receivedFrom(peerSession).get(PEER_V4.prefix());
        assertThat(r4.nextHop()).isEqualTo(peerAddress(IPV4));
        assertThat(r4.attributes().asPath()).isEqualTo(theirPath);
        assertThat(r4.attributes().med().value()).isEqualTo(20);
        assertThat(r4.attributes().communities().values()).containsExactly(Communities.community(65010, 1));
        ReceivedRoute r6 = podbgp.receivedFrom(peerSession).get(PEER_V6.prefix());
        assertThat(r6.nextHop()).isEqualTo(peerAddress(IPV6));
        assertThat(r6.attributes().asPath()).isEqualTo(theirPath);
        assertThat(r6.attributes().med().value()).isEqualTo(30);
        assertThat(r6.attributes().communities().values()).containsExactly(Communities.community(65010, 2));
        podbgp.await(() -> podbgp.endOfRibFrom(peerSession).containsAll(BOTH), ROUTE,
                "End-of-RIB from " + fixture.name() + " for both families");

        // Withdrawals both ways, both families.
        podbgp.withdraw(OUR_V4.prefix());
        podbgp.withdraw(OUR_V6.prefix());
        fixture.awaitNoRoute(OUR_V4.prefix(), ROUTE);
        fixture.awaitNoRoute(OUR_V6.prefix(), ROUTE);
        fixture.withdraw(PEER_V4.prefix());
        fixture.withdraw(PEER_V6.prefix());
        podbgp.awaitNoRoute(peerSession, PEER_V4.prefix(), ROUTE);
        podbgp.awaitNoRoute(peerSession, PEER_V6.prefix(), ROUTE);
    }

    /** Fails as soon as {@code bad} holds, or passes after watching it for {@code period}. */
    static void assertNever(String what, Duration period, BooleanSupplier bad, Supplier<String> diagnostics) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            if (bad.getAsBoolean()) {
                throw new AssertionError(what + "\n" + diagnostics.get());
            }
            Await.sleep(100);
        }
    }

    /** The first session-down podbgp reported after {@code seen} earlier ones. */
    static SessionReport.SessionDown awaitDown(PodbgpNode podbgp, int seen, Duration timeout) {
        podbgp.await(() -> podbgp.downs().size() > seen, timeout, "the session to go down");
        return podbgp.downs().get(seen);
    }

    /**
     * Freezes the peer (SIGSTOP): podbgp must drop the session within the negotiated hold time
     * with Hold Timer Expired (RFC 4271 §6.5, NOTIFICATION 4/0), and after the peer is thawed
     * our backoff brings the session and the routes of both sides back by themselves.
     */
    static void assertHoldTimerDropAndRecovery(PodbgpNode podbgp, Peer peer, IpAddress peerAddress) {
        int hold = podbgp.peer(peerAddress).negotiated().orElseThrow().holdTime();
        assertThat(hold).isBetween(3, HOLD);
        long frozenAt = System.nanoTime();
        peer.freeze();
        SessionReport.SessionDown down;
        try {
            down = awaitDown(podbgp, 0, Duration.ofSeconds(hold + 2));
        } finally {
            peer.thaw();
        }
        long afterMs = Duration.ofNanos(System.nanoTime() - frozenAt).toMillis();
        assertThat(down.reason()).isEqualTo(DownReason.HOLD_TIMER_EXPIRED);
        assertThat(down.wasEstablished()).isTrue();
        assertThat(down.notification()).hasValueSatisfying(n -> {
            assertThat(n.code()).isEqualTo(4);
            assertThat(n.subcode()).isZero();
        });
        // At most the hold time after the last message (the fixtures' peers send a KEEPALIVE every
        // second), with 1 s of slack for the freeze itself on a loaded machine.
        assertThat(afterMs).isLessThanOrEqualTo(hold * 1000L + 1000);
        podbgp.awaitEstablished(peerAddress, UP);
        peer.awaitEstablished(UP);
        peer.awaitRoute(OUR_V4.prefix(), ROUTE);
        podbgp.awaitRoute(peerAddress, PEER_V4.prefix(), ROUTE);
    }
}
