package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.down;
import static dev.podbgp.bgp.session.SessionFixture.orders;
import static dev.podbgp.bgp.session.SessionFixture.sentNotification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.CollisionDump;
import dev.podbgp.bgp.session.SessionEvent.ManualStop;
import dev.podbgp.bgp.session.SessionEvent.MessageMalformed;
import dev.podbgp.bgp.session.SessionEvent.TcpConnectionFails;
import dev.podbgp.bgp.session.SessionOrder.CloseConnection;
import dev.podbgp.bgp.session.SessionOrder.OpenAccepted;
import dev.podbgp.bgp.session.SessionOrder.Send;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.session.SessionOrder.StopTimer;
import dev.podbgp.bgp.session.SessionReport.StateChanged;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.MessageCodec;
import dev.podbgp.bgp.wire.message.Notification;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 4271 §8.2.2, OpenSent state. */
class FsmOpenSentTest {

    @Test
    void rfc4271_s8_2_2_openSent_openReceived_sendsKeepaliveStartsTimersAndGoesOpenConfirm() {
        SessionFixture f = new SessionFixture().openSent();
        var actions = f.receive(SessionFixture.peerOpen());
        NegotiatedSession n = ((OpenAccepted) actions.getFirst()).negotiated();
        assertThat(actions).containsExactly(
                new OpenAccepted(n),
                new Send(Keepalive.INSTANCE),
                new StartTimer(TimerKind.HOLD, Duration.ofSeconds(90)),
                new StartTimer(TimerKind.KEEPALIVE, Duration.ofSeconds(30)),
                new StateChanged(SessionState.OPEN_SENT, SessionState.OPEN_CONFIRM));
        // Both sent the 4-octet AS capability: from now on the decoder reads 4-octet AS paths.
        assertThat(f.session.codec()).isEqualTo(SessionCapabilities.FOUR_OCTET_AS);
        assertThat(n.codec()).isEqualTo(SessionCapabilities.FOUR_OCTET_AS);
    }

    @Test
    void rfc4271_s8_2_2_openSent_holdTimerExpires_sendsNotificationAndGoesIdle() {
        SessionFixture f = new SessionFixture().openSent();
        f.clock.advance(Duration.ofMinutes(4));
        var actions = f.fire(TimerKind.HOLD);
        assertThat(orders(actions)).containsExactly(
                new Send(Notification.of(BgpError.HOLD_TIMER_EXPIRED)),
                new CloseConnection(),
                new StartTimer(TimerKind.IDLE_HOLD, Duration.ofMillis(750)));
        assertThat(down(actions).reason()).isEqualTo(DownReason.HOLD_TIMER_EXPIRED);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_openSent_holdTimerFiringEarly_isRearmedNotExpired() {
        SessionFixture f = new SessionFixture().openSent();
        f.clock.advance(Duration.ofMinutes(3));
        assertThat(f.fire(TimerKind.HOLD)).containsExactly(new StartTimer(TimerKind.HOLD, Duration.ofMinutes(1)));
        assertThat(f.session.state()).isEqualTo(SessionState.OPEN_SENT);
    }

    @Test
    void rfc4271_s8_2_2_openSent_tcpConnectionFails_closesAndGoesActive() {
        SessionFixture f = new SessionFixture().openSent();
        var actions = f.handle(new TcpConnectionFails());
        assertThat(orders(actions)).containsExactly(
                new CloseConnection(),
                new StopTimer(TimerKind.HOLD),
                new StartTimer(TimerKind.CONNECT_RETRY, Duration.ofSeconds(120)));
        assertThat(actions).contains(new StateChanged(SessionState.OPEN_SENT, SessionState.ACTIVE));
        assertThat(down(actions).reason()).isEqualTo(DownReason.CONNECTION_FAILED);
    }

    @Test
    void rfc4271_s8_2_2_openSent_notificationReceived_goesIdleWithoutAnswering() {
        SessionFixture f = new SessionFixture().openSent();
        Notification n = Notification.of(BgpError.BAD_PEER_AS);
        var actions = f.receive(n);
        assertThat(SessionFixture.sent(actions)).isEmpty();
        assertThat(actions).contains(new CloseConnection());
        assertThat(down(actions).reason()).isEqualTo(DownReason.NOTIFICATION_RECEIVED);
        assertThat(down(actions).notification()).contains(n);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc6608_s3_openSent_keepaliveReceived_isUnexpectedMessageInOpenSent() {
        SessionFixture f = new SessionFixture().openSent();
        var actions = f.receive(Keepalive.INSTANCE);
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT));
        assertThat(down(actions).reason()).isEqualTo(DownReason.PROTOCOL_ERROR);
    }

    @Test
    void rfc4271_s8_2_2_openSent_manualStop_sendsCeaseAndGoesIdle() {
        SessionFixture f = new SessionFixture().openSent();
        var actions = f.handle(ManualStop.silent());
        assertThat(orders(actions)).containsExactly(
                new Send(Notification.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN)),
                new CloseConnection(),
                new StopTimer(TimerKind.HOLD));
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s6_1_openSent_badMarker_sendsConnectionNotSynchronized() {
        SessionFixture f = new SessionFixture().openSent();
        byte[] frame = Bytes.fromHex("FF".repeat(15) + "00" + "0013" + "04");
        DecodeResult<BgpMessage> result = MessageCodec.decode(frame, 0, frame.length, f.session.codec());
        var actions = f.handle(SessionEvent.decoded(result));
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.CONNECTION_NOT_SYNCHRONIZED));
        assertThat(actions).contains(new CloseConnection());
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_openSent_openCollisionDump_sendsCeaseAndDoesNotRestart() {
        SessionFixture f = new SessionFixture().openSent();
        var actions = f.handle(new CollisionDump());
        assertThat(orders(actions)).containsExactly(
                new Send(Notification.of(BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION)),
                new CloseConnection(),
                new StopTimer(TimerKind.HOLD));
        assertThat(down(actions).reason()).isEqualTo(DownReason.COLLISION);
    }

    @Test
    void malformedMessageWithSessionResetAction_sendsTheDecodersNotification() {
        SessionFixture f = new SessionFixture().openSent();
        // An OPEN with an unknown optional parameter, as the decoder reports it.
        byte[] body = Bytes.fromHex("04FDEA005A0A000002" + "04" + "0302ABCD");
        byte[] frame = Bytes.fromHex("FF".repeat(16) + String.format("%04X", 19 + body.length) + "01" + Bytes.hex(body));
        var result = MessageCodec.decode(frame, 0, frame.length, SessionCapabilities.RFC4271);
        var actions = f.handle(SessionEvent.decoded(result));
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.UNSUPPORTED_OPTIONAL_PARAMETER));
        assertThat(f.handle(new MessageMalformed(((DecodeResult.Malformed<BgpMessage>) result).problem()))).isEmpty();
    }
}
