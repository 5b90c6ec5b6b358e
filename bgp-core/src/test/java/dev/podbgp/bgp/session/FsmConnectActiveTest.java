package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.down;
import static dev.podbgp.bgp.session.SessionFixture.orders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.ManualStart;
import dev.podbgp.bgp.session.SessionEvent.ManualStop;
import dev.podbgp.bgp.session.SessionEvent.TcpAccepted;
import dev.podbgp.bgp.session.SessionEvent.TcpConnected;
import dev.podbgp.bgp.session.SessionEvent.TcpConnectionFails;
import dev.podbgp.bgp.session.SessionOrder.CloseConnection;
import dev.podbgp.bgp.session.SessionOrder.Connect;
import dev.podbgp.bgp.session.SessionOrder.Send;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.session.SessionOrder.StopTimer;
import dev.podbgp.bgp.session.SessionReport.StateChanged;
import dev.podbgp.bgp.wire.message.Keepalive;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 4271 §8.2.2, Connect and Active states. */
class FsmConnectActiveTest {

    private static SessionFixture connecting() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        return f;
    }

    /** Active with a ConnectRetryTimer running: reached by losing the connection in OpenSent. */
    private static SessionFixture activeAfterLostConnection() {
        SessionFixture f = new SessionFixture().openSent();
        f.handle(new TcpConnectionFails());
        assertThat(f.session.state()).isEqualTo(SessionState.ACTIVE);
        return f;
    }

    @Test
    void rfc4271_s8_2_2_connect_tcpConnected_sendsOpenStartsLargeHoldTimerAndGoesOpenSent() {
        SessionFixture f = connecting();
        assertThat(f.handle(new TcpConnected())).containsExactly(
                new StopTimer(TimerKind.CONNECT_RETRY),
                new Send(f.config.open()),
                new StartTimer(TimerKind.HOLD, Duration.ofMinutes(4)),
                new StateChanged(SessionState.CONNECT, SessionState.OPEN_SENT));
    }

    @Test
    void rfc4271_s8_2_2_connect_tcpConnectionConfirmed_inboundIsUsedTheSameWay() {
        SessionFixture f = connecting();
        assertThat(f.handle(new TcpAccepted())).contains(new Send(f.config.open()));
        assertThat(f.session.state()).isEqualTo(SessionState.OPEN_SENT);
    }

    @Test
    void rfc4271_s8_2_2_connect_connectRetryTimerExpires_dropsAttemptAndConnectsAgain() {
        SessionFixture f = connecting();
        f.clock.advanceSeconds(120);
        assertThat(f.fire(TimerKind.CONNECT_RETRY)).containsExactly(
                new CloseConnection(),
                new StartTimer(TimerKind.CONNECT_RETRY, Duration.ofSeconds(120)),
                new Connect());
        assertThat(f.session.state()).isEqualTo(SessionState.CONNECT);
    }

    @Test
    void rfc4271_s8_2_2_connect_tcpConnectionFails_goesIdleAndArmsTheIdleHoldTimer() {
        SessionFixture f = connecting();
        var actions = f.handle(new TcpConnectionFails());
        assertThat(orders(actions)).containsExactly(
                new CloseConnection(),
                new StopTimer(TimerKind.CONNECT_RETRY),
                new StartTimer(TimerKind.IDLE_HOLD, Duration.ofMillis(750)));
        assertThat(down(actions).reason()).isEqualTo(DownReason.CONNECTION_FAILED);
        assertThat(down(actions).notification()).isEmpty();
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_connect_manualStop_abortsWithoutNotificationAndStaysDown() {
        SessionFixture f = connecting();
        var actions = f.handle(ManualStop.of("maintenance"));
        // No BGP connection yet, so nothing to notify.
        assertThat(orders(actions)).containsExactly(new CloseConnection(), new StopTimer(TimerKind.CONNECT_RETRY));
        assertThat(down(actions).reason()).isEqualTo(DownReason.ADMIN_STOP);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_connect_otherEvent_goesIdle() {
        SessionFixture f = connecting();
        var actions = f.receive(Keepalive.INSTANCE);
        assertThat(down(actions).reason()).isEqualTo(DownReason.PROTOCOL_ERROR);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_active_connectRetryTimerExpires_connectsAndGoesConnect() {
        SessionFixture f = activeAfterLostConnection();
        f.clock.advanceSeconds(120);
        assertThat(f.fire(TimerKind.CONNECT_RETRY)).containsExactly(
                new StartTimer(TimerKind.CONNECT_RETRY, Duration.ofSeconds(120)),
                new Connect(),
                new StateChanged(SessionState.ACTIVE, SessionState.CONNECT));
    }

    @Test
    void rfc4271_s8_2_2_active_tcpConnectionConfirmed_sendsOpenAndGoesOpenSent() {
        SessionFixture f = new SessionFixture(SessionFixture.passiveConfig());
        f.handle(new ManualStart());
        assertThat(f.handle(new TcpAccepted())).containsExactly(
                new Send(f.config.open()),
                new StartTimer(TimerKind.HOLD, Duration.ofMinutes(4)),
                new StateChanged(SessionState.ACTIVE, SessionState.OPEN_SENT));
    }

    @Test
    void rfc4271_s8_2_2_active_tcpConnectionFails_goesIdle() {
        SessionFixture f = activeAfterLostConnection();
        var actions = f.handle(new TcpConnectionFails());
        assertThat(orders(actions)).containsExactly(
                new StopTimer(TimerKind.CONNECT_RETRY), new StartTimer(TimerKind.IDLE_HOLD, Duration.ofMillis(750)));
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_active_manualStop_goesIdleWithNothingToClose() {
        SessionFixture f = new SessionFixture(SessionFixture.passiveConfig());
        f.handle(new ManualStart());
        var actions = f.handle(ManualStop.silent());
        assertThat(orders(actions)).isEmpty();
        assertThat(down(actions).reason()).isEqualTo(DownReason.ADMIN_STOP);
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void passive_activeRunsNoConnectRetryTimerAndNeverConnects() {
        SessionFixture f = new SessionFixture(SessionFixture.passiveConfig());
        f.handle(new ManualStart());
        f.handle(new TcpAccepted());
        var actions = f.handle(new TcpConnectionFails());
        assertThat(actions).doesNotContain(new Connect()).noneMatch(a -> a instanceof StartTimer);
        assertThat(f.session.state()).isEqualTo(SessionState.ACTIVE);
    }
}
