package dev.podbgp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.DownReason;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.podbgp.PodbgpNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What every interop test does to put podbgp into a lab: short timers, one listener per address. */
final class Interop {

    static final Duration UP = Duration.ofSeconds(30);
    static final Duration ROUTE = Duration.ofSeconds(15);
    /** How long a session that must not come up is watched: several connect retries of both sides. */
    static final Duration REFUSED = Duration.ofSeconds(8);
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
    static final long AS4 = 4200000001L;
    static final Ipv4Address POD_ID = Ipv4Address.parse("192.0.2.1");
    /**
     * podbgp's side of the lab: hold 9 s, keepalive 3 s, a 2 s connect retry. The fixtures offer
     * 3 s, so the negotiated hold time is theirs (RFC 4271 §4.2).
     */
    static final int HOLD = 9;

    private Interop() {}

    static SessionConfig session(long localAs, long peerAs) {
        SessionConfig c = SessionConfig.of(localAs, peerAs, POD_ID, BOTH);
        return c.withHoldTime(HOLD, 3).withTimers(Duration.ofSeconds(2), c.restartBackoff());
    }

    /**
     * {@code c} with a Graceful Restart capability that lists both families with the F bit, as the daemon's
     * (RFC 4724 §3), and the N bit when {@code notification} (RFC 8538 §2), instead of the End-of-RIB-only one.
     */
    static PeerConfig withGracefulRestart(PeerConfig c, boolean notification) {
        List<GracefulRestart.Entry> families = BOTH.stream()
                .map(f -> new GracefulRestart.Entry(f, GracefulRestart.FORWARDING_STATE)).toList();
        GracefulRestart gr = new GracefulRestart(notification ? GracefulRestart.NOTIFICATION : 0, 120, families);
        SessionConfig s = c.session();
        List<Capability> caps = s.capabilities().stream().map(cap -> cap instanceof GracefulRestart ? gr : cap).toList();
        return c.withSession(s.withCapabilities(caps, s.required()));
    }

    /** podbgp in {@code node}, listening on port 179 of each address. */
    static PodbgpNode podbgp(Node node, IpAddress... listen) {
        return PodbgpNode.start(node, Arrays.stream(listen).map(a -> new InetSocketAddress(inet(a), PeerConfig.BGP_PORT))
                .toArray(InetSocketAddress[]::new));
    }

    /** A session from {@code local} to {@code peer}; routes go out with next hops {@code nh4} / {@code nh6}. */
    static BgpPeer peer(PodbgpNode podbgp, IpAddress local, IpAddress peer, SessionConfig session, IpAddress nh4,
                        IpAddress nh6) {
        return podbgp.addPeer(PeerConfig.of(inet(peer), session).withLocalAddress(inet(local)), nh4, nh6);
    }

    /**
     * Established sessions with {@code peer} that went down. Attempts that never got there are
     * left out: when both sides connect at once, one connection may fail before either is up.
     */
    static List<SessionReport.SessionDown> resets(PodbgpNode podbgp, IpAddress peer) {
        return podbgp.downsFrom(peer).stream().filter(SessionReport.SessionDown::wasEstablished).toList();
    }

    /** The session with {@code peer} never left Established since it got there. */
    static void assertNeverReset(PodbgpNode podbgp, IpAddress peer) {
        assertThat(resets(podbgp, peer)).as("established sessions with %s that went down", peer).isEmpty();
    }

    /**
     * RFC 4271 §6.5: a silent peer is dropped within the hold time with Hold Timer Expired,
     * and the NOTIFICATION we sent says so.
     */
    static void assertHoldTimerExpired(PodbgpNode podbgp, IpAddress peer) {
        SessionReport.SessionDown down = resets(podbgp, peer).getFirst();
        assertThat(down.reason()).isEqualTo(DownReason.HOLD_TIMER_EXPIRED);
        assertThat(down.wasEstablished()).isTrue();
        assertThat(down.notification()).hasValueSatisfying(n -> {
            assertThat(n.code()).isEqualTo(4);
            assertThat(n.subcode()).isZero();
        });
    }

    /** The first session-down podbgp reported after {@code seen} earlier ones. */
    static SessionReport.SessionDown awaitDown(PodbgpNode podbgp, int seen, Duration timeout) {
        podbgp.await(() -> podbgp.downs().size() > seen, timeout, "the session to go down");
        return podbgp.downs().get(seen);
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

    static InetAddress inet(IpAddress a) {
        try {
            return InetAddress.getByAddress(a.toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
