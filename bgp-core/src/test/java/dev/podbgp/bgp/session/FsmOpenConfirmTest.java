package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.down;
import static dev.podbgp.bgp.session.SessionFixture.orders;
import static dev.podbgp.bgp.session.SessionFixture.sentNotification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.CollisionDump;
import dev.podbgp.bgp.session.SessionEvent.ManualStop;
import dev.podbgp.bgp.session.SessionEvent.TcpConnectionFails;
import dev.podbgp.bgp.session.SessionOrder.CloseConnection;
import dev.podbgp.bgp.session.SessionOrder.Send;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.session.SessionOrder.StopTimer;
import dev.podbgp.bgp.session.SessionReport.SessionEstablished;
import dev.podbgp.bgp.session.SessionReport.StateChanged;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Update;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 4271 §8.2.2, OpenConfirm state. */
class FsmOpenConfirmTest {

    @Test
    void rfc4271_s8_2_2_openConfirm_keepaliveReceived_goesEstablished() {
        SessionFixture f = new SessionFixture().openConfirm();
        NegotiatedSession n = f.session.negotiated().orElseThrow();
        // The hold timer restarts without a new StartTimer: the pending one re-arms when it fires.
        assertThat(f.receive(Keepalive.INSTANCE)).containsExactly(
                new StateChanged(SessionState.OPEN_CONFIRM, SessionState.ESTABLISHED),
                new SessionEstablished(n));
    }

    @Test
    void rfc4271_s8_2_2_openConfirm_holdTimerExpires_sendsNotificationAndGoesIdle() {
        SessionFixture f = new SessionFixture().openConfirm();
        f.clock.advanceSeconds(90);
        var actions = f.fire(TimerKind.HOLD);
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.HOLD_TIMER_EXPIRED));
        assertThat(orders(actions)).contains(new StopTimer(TimerKind.KEEPALIVE));
        assertThat(down(actions).reason()).isEqualTo(DownReason.HOLD_TIMER_EXPIRED);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_openConfirm_keepaliveTimerExpires_sendsKeepaliveAndRestartsIt() {
        SessionFixture f = new SessionFixture().openConfirm();
        f.clock.advanceSeconds(30);
        assertThat(f.fire(TimerKind.KEEPALIVE)).containsExactly(
                new Send(Keepalive.INSTANCE), new StartTimer(TimerKind.KEEPALIVE, Duration.ofSeconds(30)));
        assertThat(f.session.state()).isEqualTo(SessionState.OPEN_CONFIRM);
    }

    @Test
    void rfc4271_s8_2_2_openConfirm_tcpConnectionFails_goesIdle() {
        SessionFixture f = new SessionFixture().openConfirm();
        var actions = f.handle(new TcpConnectionFails());
        assertThat(orders(actions)).containsExactly(
                new CloseConnection(),
                new StopTimer(TimerKind.HOLD),
                new StopTimer(TimerKind.KEEPALIVE),
                new StartTimer(TimerKind.IDLE_HOLD, Duration.ofMillis(750)));
        assertThat(f.session.codec()).isEqualTo(dev.podbgp.bgp.wire.SessionCapabilities.RFC4271);
    }

    @Test
    void rfc4271_s8_2_2_openConfirm_notificationReceived_goesIdle() {
        SessionFixture f = new SessionFixture().openConfirm();
        var actions = f.receive(Notification.of(BgpError.UNSUPPORTED_CAPABILITY));
        assertThat(SessionFixture.sent(actions)).isEmpty();
        assertThat(down(actions).reason()).isEqualTo(DownReason.NOTIFICATION_RECEIVED);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc6608_s3_openConfirm_updateReceived_isUnexpectedMessageInOpenConfirm() {
        SessionFixture f = new SessionFixture().openConfirm();
        var actions = f.receive(Update.endOfRib(Family.IPV4_UNICAST));
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM));
    }

    @Test
    void rfc6608_s3_openConfirm_secondOpen_isUnexpectedMessageInOpenConfirm() {
        SessionFixture f = new SessionFixture().openConfirm();
        var actions = f.receive(SessionFixture.peerOpen());
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM));
    }

    @Test
    void rfc4271_s8_2_2_openConfirm_manualStop_sendsCease() {
        SessionFixture f = new SessionFixture().openConfirm();
        var actions = f.handle(ManualStop.silent());
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN));
        assertThat(actions).noneMatch(a -> a instanceof StartTimer);
    }

    @Test
    void rfc4271_s8_2_2_openConfirm_openCollisionDump_sendsCeaseCollisionAndStaysIdle() {
        SessionFixture f = new SessionFixture().openConfirm();
        var actions = f.handle(new CollisionDump());
        assertThat(sentNotification(actions)).isEqualTo(Notification.of(BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION));
        assertThat(actions).noneMatch(a -> a instanceof StartTimer);
        assertThat(down(actions).reason()).isEqualTo(DownReason.COLLISION);
    }
}
