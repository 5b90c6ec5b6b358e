package dev.podbgp.bgp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.DownReason;
import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.inet.Ipv4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The speaker's two stops over loopback, as the peer sees them: {@link BgpSpeaker#shutdownForRestart} ends each
 * session so that the peer may keep our routes (RFC 8538 §4 with N, RFC 4724 §4.1 without), {@link BgpSpeaker#shutdown}
 * so that it must not (a Hard Reset once N is negotiated, RFC 8538 §5).
 */
class ShutdownForRestartLoopbackTest {

    private static final List<GracefulRestart.Entry> FAMILIES = List.of(
            new GracefulRestart.Entry(Family.IPV4_UNICAST, GracefulRestart.FORWARDING_STATE),
            new GracefulRestart.Entry(Family.IPV6_UNICAST, GracefulRestart.FORWARDING_STATE));
    private static final GracefulRestart WITH_N = new GracefulRestart(GracefulRestart.NOTIFICATION, 120, FAMILIES);
    private static final GracefulRestart WITHOUT_N = new GracefulRestart(0, 120, FAMILIES);

    private final SpeakerLoopbackTest.Events eventsA = new SpeakerLoopbackTest.Events(new LinkedBlockingQueue<>());
    private final SpeakerLoopbackTest.Events eventsB = new SpeakerLoopbackTest.Events(new LinkedBlockingQueue<>());
    private BgpSpeaker a;
    private BgpSpeaker b;

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /** A session config whose Graceful Restart capability is {@code gr}, or none at all when null. */
    private static SessionConfig session(long localAs, long peerAs, String id, GracefulRestart gr, boolean passive) {
        SessionConfig c = SessionConfig.of(localAs, peerAs, Ipv4Address.parse(id), SpeakerLoopbackTest.BOTH);
        List<Capability> caps = new ArrayList<>();
        for (Capability cap : c.capabilities()) {
            if (!(cap instanceof GracefulRestart)) {
                caps.add(cap);
            }
        }
        if (gr != null) {
            caps.add(gr);
        }
        return c.withCapabilities(caps, c.required()).withPassive(passive);
    }

    /** A (ours, {@code grA}) dials B ({@code grB}, passive); returns B's view of the Established session. */
    private NegotiatedSession establish(GracefulRestart grA, GracefulRestart grB) throws Exception {
        InetAddress addrA = InetAddress.getByName("127.0.0.1");
        InetAddress addrB = InetAddress.getByName("127.0.0.2");
        a = BgpSpeaker.start(SpeakerConfig.listeningOn(new InetSocketAddress(addrA, 0)), eventsA);
        b = BgpSpeaker.start(SpeakerConfig.listeningOn(new InetSocketAddress(addrB, 0)), eventsB);
        int portA = a.boundAddresses().getFirst().getPort();
        int portB = b.boundAddresses().getFirst().getPort();
        // The passive side first, so A's first connection finds B configured.
        b.addPeer(PeerConfig.of(addrA, session(65002, 65001, "192.0.2.2", grB, true)).withPort(portA).withLocalAddress(addrB));
        a.addPeer(PeerConfig.of(addrB, session(65001, 65002, "192.0.2.1", grA, false)).withPort(portB).withLocalAddress(addrA));
        NegotiatedSession atB = eventsB.established.poll(15, TimeUnit.SECONDS);
        assertThat(atB).as("B established").isNotNull();
        assertThat(eventsA.established.poll(5, TimeUnit.SECONDS)).as("A established").isNotNull();
        return atB;
    }

    private SessionReport.SessionDown downAtB() throws InterruptedException {
        SessionReport.SessionDown down = eventsB.down.poll(10, TimeUnit.SECONDS);
        assertThat(down).as("B's session down").isNotNull();
        assertThat(down.wasEstablished()).isTrue();
        return down;
    }

    @Test
    void rfc8538_s4_withNThePeerGetsAdministrativeResetAndMayKeepOurRoutes() throws Exception {
        NegotiatedSession atB = establish(WITH_N, WITH_N);
        assertThat(atB.gracefulNotification()).isTrue();

        a.shutdownForRestart("podbgp upgrade");

        SessionReport.SessionDown down = downAtB();
        assertThat(down.reason()).isEqualTo(DownReason.NOTIFICATION_RECEIVED);
        Notification n = down.notification().orElseThrow();
        assertThat(n.error()).contains(BgpError.CEASE_ADMINISTRATIVE_RESET);
        assertThat(n.shutdownCommunication()).contains("podbgp upgrade");
        assertThat(atB.endsGracefully(down.notification())).isTrue();
    }

    @Test
    void rfc4724_s4_1_withoutNThePeerSeesTheConnectionCloseWithoutNotification() throws Exception {
        NegotiatedSession atB = establish(WITH_N, WITHOUT_N);
        assertThat(atB.gracefulNotification()).isFalse();

        a.shutdownForRestart("podbgp upgrade");

        SessionReport.SessionDown down = downAtB();
        assertThat(down.reason()).isEqualTo(DownReason.CONNECTION_FAILED);
        assertThat(down.notification()).isEmpty();
        assertThat(atB.endsGracefully(down.notification())).isTrue();
    }

    @Test
    void aPeerWithoutGracefulRestartGetsAnAdministrativeShutdown() throws Exception {
        NegotiatedSession atB = establish(WITH_N, null);

        a.shutdownForRestart("podbgp upgrade");

        SessionReport.SessionDown down = downAtB();
        assertThat(down.notification()).contains(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "podbgp upgrade"));
        assertThat(atB.endsGracefully(down.notification())).isFalse();
    }

    @Test
    void rfc8538_s5_theOrdinaryShutdownWithNIsAHardResetThePeerMustNotKeepRoutesAfter() throws Exception {
        NegotiatedSession atB = establish(WITH_N, WITH_N);

        a.shutdown("decommissioned");

        SessionReport.SessionDown down = downAtB();
        Notification n = down.notification().orElseThrow();
        assertThat(n.isHardReset()).isTrue();
        assertThat(n.hardResetCause()).contains(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "decommissioned"));
        assertThat(atB.endsGracefully(down.notification())).isFalse();
    }
}
