package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.BOTH;
import static dev.podbgp.bgp.session.SessionFixture.LOCAL_AS;
import static dev.podbgp.bgp.session.SessionFixture.LOCAL_ID;
import static dev.podbgp.bgp.session.SessionFixture.PEER_AS;
import static dev.podbgp.bgp.session.SessionFixture.down;
import static dev.podbgp.bgp.session.SessionFixture.sent;
import static dev.podbgp.bgp.session.SessionFixture.sentNotification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.AdminReset;
import dev.podbgp.bgp.session.SessionEvent.ManualStop;
import dev.podbgp.bgp.session.SessionEvent.StopForRestart;
import dev.podbgp.bgp.session.SessionEvent.Teardown;
import dev.podbgp.bgp.session.SessionOrder.CloseConnection;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 8538 on one session: the N bit in both OPENs makes NOTIFICATIONs other than Hard Reset as
 * graceful as a lost connection, the Cease subcodes of §5's table go as Hard Reset, and the stop
 * before a restart leaves the peer keeping our routes (RFC 4724 §4.1 without N).
 */
class GracefulNotificationTest {

    private static final List<GracefulRestart.Entry> FAMILIES = List.of(
            new GracefulRestart.Entry(Family.IPV4_UNICAST, GracefulRestart.FORWARDING_STATE),
            new GracefulRestart.Entry(Family.IPV6_UNICAST, GracefulRestart.FORWARDING_STATE));
    private static final GracefulRestart WITH_N = new GracefulRestart(GracefulRestart.NOTIFICATION, 120, FAMILIES);
    private static final GracefulRestart WITHOUT_N = new GracefulRestart(0, 120, FAMILIES);
    /** A helper that keeps nothing of its own: FRR's and BIRD's helper-only capability. */
    private static final GracefulRestart HELPER_WITH_N = new GracefulRestart(GracefulRestart.NOTIFICATION, 120, List.of());

    /** {@code standardCapabilities} with their End-of-RIB-only Graceful Restart replaced by {@code gr}. */
    private static List<Capability> with(long as, GracefulRestart gr) {
        List<Capability> caps = new ArrayList<>();
        for (Capability c : SessionConfig.standardCapabilities(as, BOTH)) {
            if (!(c instanceof GracefulRestart)) {
                caps.add(c);
            }
        }
        if (gr != null) {
            caps.add(gr);
        }
        return caps;
    }

    private static SessionFixture established(GracefulRestart ours, GracefulRestart theirs) {
        SessionConfig c = SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH);
        SessionFixture f = new SessionFixture(c.withCapabilities(with(LOCAL_AS, ours), c.required()));
        return f.established(SessionFixture.peerOpen(90, with(PEER_AS, theirs)));
    }

    private static NegotiatedSession negotiated(SessionFixture f) {
        return f.session.negotiated().orElseThrow();
    }

    @Test
    void rfc8538_s2_theNBitInBothOpensIsNegotiated() {
        assertThat(negotiated(established(WITH_N, HELPER_WITH_N)).gracefulNotification()).isTrue();
        assertThat(negotiated(established(WITH_N, WITHOUT_N)).gracefulNotification()).isFalse();
        assertThat(negotiated(established(WITHOUT_N, WITH_N)).gracefulNotification()).isFalse();
        assertThat(negotiated(established(WITH_N, null)).gracefulNotification()).isFalse();
    }

    @Test
    void rfc8538_s2_ourNBitIsOnTheWire() {
        Open ours = Open.of(LOCAL_AS, 90, LOCAL_ID, List.of(WITH_N));
        // Capability 64, length 10: flags 0x4 (N) with restart time 120 = 0x4078, then two families with F.
        assertThat(Bytes.hex(MessageCodec.encode(ours, SessionCapabilities.RFC4271)))
                .endsWith("02" + "0C" + "40" + "0A" + "4078" + "00010180" + "00020180");
    }

    @Test
    void rfc8538_s5_administrativeShutdownGoesAsHardResetCarryingIt() {
        SessionFixture f = established(WITH_N, HELPER_WITH_N);
        NegotiatedSession n = negotiated(f);
        var actions = f.handle(ManualStop.of("maintenance"));

        Notification sent = sentNotification(actions);
        assertThat(Bytes.hex(MessageCodec.encode(sent, SessionCapabilities.FOUR_OCTET_AS)))
                .isEqualTo("FF".repeat(16) + "0023" + "03" + "0609" + "0602" + "0B" + "6D61696E74656E616E6365");
        assertThat(down(actions).notification()).contains(sent);
        assertThat(n.endsGracefully(down(actions).notification())).as("Hard Reset ends GR").isFalse();
    }

    @Test
    void rfc8538_s5_maximumPrefixesAndPeerDeconfiguredGoAsHardReset() {
        for (BgpError cease : List.of(BgpError.CEASE_MAXIMUM_PREFIXES_REACHED, BgpError.CEASE_PEER_DECONFIGURED)) {
            SessionFixture f = established(WITH_N, HELPER_WITH_N);
            Notification given = Notification.of(cease, cease == BgpError.CEASE_PEER_DECONFIGURED ? new byte[0]
                    : Bytes.fromHex("000101000000C8"));
            Notification sent = sentNotification(f.handle(new Teardown(given)));
            assertThat(sent.isHardReset()).as(cease.name()).isTrue();
            assertThat(sent.hardResetCause()).contains(given);
        }
    }

    @Test
    void rfc8538_s5_theOtherCeasesAndErrorsStayGraceful() {
        for (BgpError error : List.of(BgpError.CEASE_OTHER_CONFIGURATION_CHANGE, BgpError.CEASE_CONNECTION_REJECTED,
                BgpError.CEASE_OUT_OF_RESOURCES, BgpError.CEASE_UNSPECIFIC)) {
            SessionFixture f = established(WITH_N, HELPER_WITH_N);
            NegotiatedSession n = negotiated(f);
            var actions = f.handle(new Teardown(Notification.of(error)));
            assertThat(sentNotification(actions)).as(error.name()).isEqualTo(Notification.of(error));
            assertThat(n.endsGracefully(down(actions).notification())).as(error.name()).isTrue();
        }
    }

    @Test
    void rfc9384_bfdDownGoesAsHardReset_thePathNoLongerForwards() {
        SessionFixture f = established(WITH_N, HELPER_WITH_N);
        NegotiatedSession n = negotiated(f);
        var actions = f.handle(new SessionEvent.PathDown(true, "BFD down"));
        Notification sent = sentNotification(actions);
        assertThat(sent.isHardReset()).isTrue();
        assertThat(sent.hardResetCause()).contains(Notification.of(BgpError.CEASE_BFD_DOWN));
        assertThat(n.endsGracefully(down(actions).notification())).isFalse();
    }

    @Test
    void rfc8538_s5_administrativeResetIsOurChoiceAndWeKeepItGraceful() {
        SessionFixture f = established(WITH_N, HELPER_WITH_N);
        NegotiatedSession n = negotiated(f);
        var actions = f.handle(AdminReset.of("clear bgp"));
        Notification sent = sentNotification(actions);
        assertThat(sent.error()).contains(BgpError.CEASE_ADMINISTRATIVE_RESET);
        assertThat(sent.shutdownCommunication()).contains("clear bgp");
        assertThat(n.endsGracefully(down(actions).notification())).isTrue();
    }

    @Test
    void rfc8538_s4_holdTimerExpiryIsGracefulWithN() {
        SessionFixture f = established(WITH_N, HELPER_WITH_N);
        NegotiatedSession n = negotiated(f);
        f.clock.advanceSeconds(90);
        var actions = f.fire(TimerKind.HOLD);
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.HOLD_TIMER_EXPIRED));
        assertThat(n.endsGracefully(down(actions).notification())).isTrue();
    }

    @Test
    void rfc8538_s4_receivedNotificationIsGracefulWithNAndHardResetIsNot() {
        SessionFixture f = established(WITH_N, HELPER_WITH_N);
        NegotiatedSession n = negotiated(f);
        assertThat(n.endsGracefully(down(f.receive(Notification.of(BgpError.MALFORMED_AS_PATH))).notification())).isTrue();

        SessionFixture g = established(WITH_N, HELPER_WITH_N);
        Notification hard = Notification.hardReset(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "bye"));
        var actions = g.receive(hard);
        assertThat(sent(actions)).as("nothing is sent back to a NOTIFICATION").isEmpty();
        assertThat(down(actions).notification()).contains(hard);
        assertThat(down(actions).detail()).isEqualTo("hard reset, shutdown communication \"bye\"");
        assertThat(negotiated(established(WITH_N, HELPER_WITH_N)).endsGracefully(Optional.of(hard))).isFalse();
    }

    @Test
    void rfc4724_s4_2_withoutNEveryNotificationEndsGracefulRestartAndNothingIsEncapsulated() {
        SessionFixture f = established(WITH_N, WITHOUT_N);
        NegotiatedSession n = negotiated(f);
        var actions = f.handle(ManualStop.of("maintenance"));
        assertThat(sentNotification(actions)).isEqualTo(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "maintenance"));
        assertThat(n.endsGracefully(down(actions).notification())).isFalse();
        assertThat(n.endsGracefully(Optional.empty())).as("a lost connection still is graceful").isTrue();
    }

    @Test
    void rfc8538_s4_stopForRestartWithNSendsAdministrativeResetNotEncapsulatedAndStaysDown() {
        SessionFixture f = established(WITH_N, HELPER_WITH_N);
        var actions = f.handle(new StopForRestart(Optional.of("podbgp restarting")));
        Notification sent = sentNotification(actions);
        assertThat(sent).isEqualTo(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_RESET, "podbgp restarting"));
        assertThat(down(actions).reason()).isEqualTo(DownReason.ADMIN_STOP);
        assertThat(actions).noneMatch(a -> a instanceof StartTimer);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4724_s4_1_stopForRestartWithoutNClosesWithoutNotification() {
        SessionFixture f = established(WITH_N, WITHOUT_N);
        var actions = f.handle(new StopForRestart(Optional.of("podbgp restarting")));
        assertThat(sent(actions)).isEmpty();
        assertThat(actions).contains(new CloseConnection());
        assertThat(down(actions).notification()).isEmpty();
        assertThat(actions).noneMatch(a -> a instanceof StartTimer);
    }

    @Test
    void stopForRestartToAPeerWithoutGracefulRestartIsAnAdministrativeShutdown() {
        SessionFixture f = established(WITH_N, null);
        Notification sent = sentNotification(f.handle(new StopForRestart(Optional.of("podbgp restarting"))));
        assertThat(sent).isEqualTo(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "podbgp restarting"));
    }

    @Test
    void rfc4724_s4_1_stopForRestartWhenOurCapabilityListsNoFamilyIsAnAdministrativeShutdown() {
        // The End-of-RIB-only capability of SessionConfig.standardCapabilities: the peer would keep nothing of ours.
        SessionFixture f = new SessionFixture().established();
        Notification sent = sentNotification(f.handle(new StopForRestart(Optional.empty())));
        assertThat(sent).isEqualTo(Notification.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN));
    }

    @Test
    void stopForRestartBeforeEstablishedIsAnAdministrativeShutdown() {
        SessionFixture f = new SessionFixture(SessionConfig.of(LOCAL_AS, PEER_AS, LOCAL_ID, BOTH)
                .withCapabilities(with(LOCAL_AS, WITH_N), List.of()));
        f.openConfirm(SessionFixture.peerOpen(90, with(PEER_AS, HELPER_WITH_N)));
        Notification sent = sentNotification(f.handle(new StopForRestart(Optional.of("x"))));
        assertThat(sent.isHardReset()).as("N is known from the OPENs: Administrative Shutdown goes as Hard Reset").isTrue();
        assertThat(sent.hardResetCause()).contains(Notification.shutdown(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "x"));
    }
}
