package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.down;
import static dev.podbgp.bgp.session.SessionFixture.sentNotification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.MessageReceived;
import dev.podbgp.bgp.session.SessionEvent.TcpConnectionFails;
import dev.podbgp.bgp.session.SessionEvent.UpdateSent;
import dev.podbgp.bgp.session.SessionOrder.Send;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.session.SessionOrder.StopTimer;
import dev.podbgp.bgp.session.SessionReport.DeliverUpdate;
import dev.podbgp.bgp.session.SessionReport.EndOfRibReceived;
import dev.podbgp.bgp.session.SessionReport.ProblemReported;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Update;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4271 §8.2.2, Established state. */
class FsmEstablishedTest {

    /**
     * An IPv4 UPDATE from the (external) peer: ORIGIN IGP, AS_PATH [65002] (its own AS first,
     * as UpdateValidator requires), NEXT_HOP 10.0.0.2, NLRI 10.1.0.0/16, on a 4-octet AS session.
     */
    static final String UPDATE_BODY = "0000" + "0014" + "40010100" + "4002060201" + "0000FDEA" + "4003040A000002" + "100A01";

    static byte[] frame(String body) {
        return Bytes.fromHex("FF".repeat(16) + String.format("%04X", 19 + body.length() / 2) + "02" + body);
    }

    @Test
    void rfc4271_s8_2_2_established_updateReceived_isDeliveredAndRestartsHoldTimer() {
        SessionFixture f = new SessionFixture().established();
        byte[] frame = frame(UPDATE_BODY);
        var decoded = MessageCodec.decode(frame, 0, frame.length, f.session.codec());
        f.clock.advanceSeconds(60);
        var actions = f.handle(SessionEvent.decoded(decoded));
        assertThat(actions).containsExactly(new DeliverUpdate((Update) decoded.orThrow()));
        // 90 s after establishment the original hold timer fires, but the UPDATE at 60 s moved it to 150 s.
        f.clock.advanceSeconds(30);
        assertThat(f.fire(TimerKind.HOLD)).containsExactly(new StartTimer(TimerKind.HOLD, Duration.ofSeconds(60)));
        assertThat(f.session.state()).isEqualTo(SessionState.ESTABLISHED);
    }

    @Test
    void rfc4271_s8_2_2_established_keepaliveReceived_restartsHoldTimer() {
        SessionFixture f = new SessionFixture().established();
        f.clock.advanceSeconds(80);
        assertThat(f.receive(Keepalive.INSTANCE)).isEmpty();
        f.clock.advanceSeconds(10);
        assertThat(f.fire(TimerKind.HOLD)).containsExactly(new StartTimer(TimerKind.HOLD, Duration.ofSeconds(80)));
        f.clock.advanceSeconds(80);
        var actions = f.fire(TimerKind.HOLD);
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.HOLD_TIMER_EXPIRED));
    }

    @Test
    void rfc4271_s8_2_2_established_holdTimerExpires_sendsNotificationAndReportsTheLoss() {
        SessionFixture f = new SessionFixture().established();
        f.clock.advanceSeconds(90);
        var actions = f.fire(TimerKind.HOLD);
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.HOLD_TIMER_EXPIRED));
        assertThat(down(actions).wasEstablished()).isTrue();
        assertThat(down(actions).reason()).isEqualTo(DownReason.HOLD_TIMER_EXPIRED);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_established_keepaliveTimerExpires_sendsKeepalive() {
        SessionFixture f = new SessionFixture().established();
        f.clock.advanceSeconds(30);
        assertThat(f.fire(TimerKind.KEEPALIVE)).containsExactly(
                new Send(Keepalive.INSTANCE), new StartTimer(TimerKind.KEEPALIVE, Duration.ofSeconds(30)));
    }

    @Test
    void rfc4271_s8_2_2_established_updateSent_restartsKeepaliveTimer() {
        SessionFixture f = new SessionFixture().established();
        f.clock.advanceSeconds(20);
        assertThat(f.handle(new UpdateSent())).isEmpty();
        f.clock.advanceSeconds(10);
        // No KEEPALIVE 30 s after the OPEN exchange: an UPDATE went out 10 s ago.
        assertThat(f.fire(TimerKind.KEEPALIVE)).containsExactly(new StartTimer(TimerKind.KEEPALIVE, Duration.ofSeconds(20)));
    }

    @Test
    void rfc4271_s8_2_2_established_notificationReceived_goesIdle() {
        SessionFixture f = new SessionFixture().established();
        Notification n = Notification.of(BgpError.CEASE_PEER_DECONFIGURED);
        var actions = f.receive(n);
        assertThat(SessionFixture.sent(actions)).isEmpty();
        assertThat(down(actions).notification()).contains(n);
        assertThat(down(actions).wasEstablished()).isTrue();
    }

    @Test
    void rfc4271_s8_2_2_established_tcpConnectionFails_goesIdle() {
        SessionFixture f = new SessionFixture().established();
        var actions = f.handle(new TcpConnectionFails());
        assertThat(actions).contains(new StopTimer(TimerKind.HOLD), new StopTimer(TimerKind.KEEPALIVE));
        assertThat(down(actions).reason()).isEqualTo(DownReason.CONNECTION_FAILED);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc6608_s3_established_openReceived_isUnexpectedMessageInEstablished() {
        SessionFixture f = new SessionFixture().established();
        var actions = f.receive(SessionFixture.peerOpen());
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED));
    }

    @Test
    void rfc4724_s2_established_endOfRibIsReportedNotDelivered() {
        SessionFixture f = new SessionFixture().established();
        assertThat(f.receive(Update.endOfRib(Family.IPV6_UNICAST))).containsExactly(new EndOfRibReceived(Family.IPV6_UNICAST));
        assertThat(f.receive(Update.endOfRib(Family.IPV4_UNICAST))).containsExactly(new EndOfRibReceived(Family.IPV4_UNICAST));
    }

    @Test
    void rfc7606_s2_established_malformedUpdateWithSessionReset_sendsItsNotification() {
        SessionFixture f = new SessionFixture().established();
        // Withdrawn routes length 0x00FF runs past the message: RFC 7606 §4 session reset.
        byte[] frame = frame("00FF0000");
        var decoded = MessageCodec.decode(frame, 0, frame.length, f.session.codec());
        Malformation problem = ((DecodeResult.Malformed<BgpMessage>) decoded).problem();
        assertThat(problem.action()).isEqualTo(ErrorAction.SESSION_RESET);
        var actions = f.handle(SessionEvent.decoded(decoded));
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(problem));
        assertThat(down(actions).wasEstablished()).isTrue();
    }

    @Test
    void rfc7606_s2_established_treatAsWithdraw_deliversTheRepairedUpdateAndReportsTheProblem() {
        SessionFixture f = new SessionFixture().established();
        // ORIGIN value 5 is invalid: RFC 7606 §7.1 treat-as-withdraw.
        byte[] frame = frame("0000" + "000E" + "40010105" + "400200" + "4003040A000002" + "100A01");
        var decoded = (DecodeResult.Ok<BgpMessage>) MessageCodec.decode(frame, 0, frame.length, f.session.codec());
        assertThat(decoded.repaired()).isNotEmpty().extracting(Malformation::action).containsOnly(ErrorAction.TREAT_AS_WITHDRAW);
        var actions = f.handle(SessionEvent.decoded(decoded));
        List<SessionAction> expected = new java.util.ArrayList<>();
        decoded.repaired().forEach(p -> expected.add(new ProblemReported(p)));
        expected.add(new DeliverUpdate((Update) decoded.value()));
        assertThat(actions).containsExactlyElementsOf(expected);
        assertThat(f.session.state()).isEqualTo(SessionState.ESTABLISHED);
    }

    @Test
    void rfc7606_s2_treatAsWithdrawWithNothingToWithdraw_isNoEndOfRibAndDeliversNothing() {
        SessionFixture f = new SessionFixture().established();
        // ORIGIN IGP and a zero-length MED (RFC 7606 §7.4 treat-as-withdraw), no prefixes at all.
        byte[] frame = frame("0000" + "0007" + "40010100" + "800400");
        var decoded = (DecodeResult.Ok<BgpMessage>) MessageCodec.decode(frame, 0, frame.length, f.session.codec());
        assertThat(((Update) decoded.value()).isEndOfRib()).as("what is left has the End-of-RIB shape").isTrue();
        var actions = f.handle(SessionEvent.decoded(decoded));
        assertThat(actions).containsExactlyElementsOf(decoded.repaired().stream().map(ProblemReported::new).toList());
    }

    @Test
    void rfc4760_s7_onlyAnUnnegotiatedFamily_leavesNothingToDeliver_andNoEndOfRib() {
        SessionFixture f = new SessionFixture(SessionConfig.of(SessionFixture.LOCAL_AS, SessionFixture.PEER_AS,
                SessionFixture.LOCAL_ID, java.util.Set.of(Family.IPV4_UNICAST))).established();
        // MP_REACH_NLRI alone, IPv6 unicast, which this session did not negotiate.
        byte[] frame = frame("0000" + "0021" + "800E1E" + "000201" + "10" + "20010DB8000000000000000000000001" + "00"
                + "40" + "20010DB800010000");
        var decoded = MessageCodec.decode(frame, 0, frame.length, f.session.codec());
        var actions = f.handle(SessionEvent.decoded(decoded));
        assertThat(actions).isNotEmpty().allMatch(a -> a instanceof ProblemReported);
    }

    @Test
    void rfc4760_s7_afiSafiDisable_fallsBackToSessionReset() {
        SessionFixture f = new SessionFixture().established();
        Malformation problem = new Malformation(BgpError.OPTIONAL_ATTRIBUTE_ERROR, ErrorAction.AFI_SAFI_DISABLE, null, "test");
        var actions = f.handle(new SessionEvent.MessageMalformed(problem));
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.OPTIONAL_ATTRIBUTE_ERROR));
    }

    @Test
    void rfc4271_s4_2_holdTimeZero_runsNeitherHoldNorKeepaliveTimer() {
        SessionFixture f = new SessionFixture(SessionConfig.of(SessionFixture.LOCAL_AS, SessionFixture.PEER_AS,
                SessionFixture.LOCAL_ID, SessionFixture.BOTH).withHoldTime(0, 30));
        f.openSent();
        var actions = f.receive(SessionFixture.peerOpen());
        assertThat(actions).contains(new StopTimer(TimerKind.HOLD)).noneMatch(a -> a instanceof StartTimer);
        f.receive(Keepalive.INSTANCE);
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.fire(TimerKind.HOLD)).isEmpty();
        assertThat(f.fire(TimerKind.KEEPALIVE)).isEmpty();
        assertThat(f.session.state()).isEqualTo(SessionState.ESTABLISHED);
    }

    @Test
    void decodedEventCarriesTheRepairs() {
        var event = SessionEvent.decoded(DecodeResult.ok(Keepalive.INSTANCE, List.of()));
        assertThat(event).isEqualTo(MessageReceived.of(Keepalive.INSTANCE));
        assertThat(MessageCodec.encode(Keepalive.INSTANCE, SessionCapabilities.RFC4271)).hasSize(19);
    }
}
