package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.AutomaticStart;
import dev.podbgp.bgp.session.SessionEvent.ManualStart;
import dev.podbgp.bgp.session.SessionEvent.ManualStop;
import dev.podbgp.bgp.session.SessionEvent.TcpAccepted;
import dev.podbgp.bgp.session.SessionEvent.TcpConnected;
import dev.podbgp.bgp.session.SessionEvent.TcpConnectionFails;
import dev.podbgp.bgp.session.SessionEvent.Teardown;
import dev.podbgp.bgp.session.SessionEvent.TimerExpired;
import dev.podbgp.bgp.session.SessionOrder.CloseConnection;
import dev.podbgp.bgp.session.SessionOrder.Connect;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.session.SessionOrder.StopTimer;
import dev.podbgp.bgp.session.SessionReport.StateChanged;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 4271 §8.2.2, Idle state. */
class FsmIdleTest {

    @Test
    void rfc4271_s8_2_2_idle_manualStart_startsConnectRetryTimerConnectsAndGoesConnect() {
        SessionFixture f = new SessionFixture();
        assertThat(f.handle(new ManualStart())).containsExactly(
                new StartTimer(TimerKind.CONNECT_RETRY, Duration.ofSeconds(120)),
                new Connect(),
                new StateChanged(SessionState.IDLE, SessionState.CONNECT));
        assertThat(f.session.state()).isEqualTo(SessionState.CONNECT);
    }

    @Test
    void rfc4271_s8_2_2_idle_automaticStart_behavesAsStart() {
        SessionFixture f = new SessionFixture();
        assertThat(f.handle(new AutomaticStart())).contains(new Connect());
        assertThat(f.session.state()).isEqualTo(SessionState.CONNECT);
    }

    @Test
    void rfc4271_s8_2_2_idle_manualStartPassive_goesActiveWithoutConnecting() {
        SessionFixture f = new SessionFixture(SessionFixture.passiveConfig());
        // A passive session waits for the peer: no Connect and no ConnectRetryTimer.
        assertThat(f.handle(new ManualStart())).containsExactly(new StateChanged(SessionState.IDLE, SessionState.ACTIVE));
        assertThat(f.session.state()).isEqualTo(SessionState.ACTIVE);
    }

    @Test
    void rfc4271_s8_2_2_idle_neverStarted_refusesIncomingConnections() {
        SessionFixture f = new SessionFixture();
        assertThat(f.handle(new TcpAccepted())).containsExactly(new CloseConnection());
        assertThat(f.handle(new TcpConnected())).containsExactly(new CloseConnection());
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_2_2_idle_otherEventsChangeNothing() {
        SessionFixture f = new SessionFixture();
        assertThat(f.handle(new TcpConnectionFails())).isEmpty();
        assertThat(f.receive(Keepalive.INSTANCE)).isEmpty();
        assertThat(f.handle(new TimerExpired(TimerKind.HOLD))).isEmpty();
        assertThat(f.handle(ManualStop.silent())).isEmpty();
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void rfc4271_s8_1_1_idle_idleHoldTimerExpires_restartsTheSession() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        var down = f.handle(new TcpConnectionFails());
        assertThat(only(down, StartTimer.class)).containsExactly(new StartTimer(TimerKind.IDLE_HOLD, Duration.ofMillis(750)));
        f.clock.advance(Duration.ofMillis(750));
        assertThat(f.fire(TimerKind.IDLE_HOLD)).contains(new Connect(), new StateChanged(SessionState.IDLE, SessionState.CONNECT));
    }

    @Test
    void rfc4271_s8_1_1_idle_automaticStartWaitsForTheIdleHoldTimer() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnectionFails());
        assertThat(f.handle(new AutomaticStart())).isEmpty();
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void idle_manualStopCancelsThePendingRestart() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnectionFails());
        assertThat(f.handle(ManualStop.silent())).containsExactly(new StopTimer(TimerKind.IDLE_HOLD));
        f.clock.advanceSeconds(10);
        // The driver's task fired anyway: the session knows the timer was stopped.
        assertThat(f.fire(TimerKind.IDLE_HOLD)).isEmpty();
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void idle_manualStartWhileWaitingConnectsAtOnceAndForgetsFailures() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnectionFails());
        assertThat(f.session.consecutiveFailures()).isEqualTo(1);
        assertThat(f.handle(new ManualStart())).startsWith(new StopTimer(TimerKind.IDLE_HOLD)).contains(new Connect());
        assertThat(f.session.consecutiveFailures()).isZero();
    }

    @Test
    void idle_waitingOutTheBackoff_takesThePeersConnectionAtOnceAndKeepsTheFailureCount() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnectionFails());
        f.handle(new TcpConnectionFails());
        assertThat(f.session.acceptsConnections()).isTrue();
        var taken = f.handle(new TcpAccepted());
        assertThat(taken).startsWith(new StopTimer(TimerKind.IDLE_HOLD));
        assertThat(only(taken, SessionOrder.Send.class)).singleElement()
                .satisfies(s -> assertThat(s.message()).isInstanceOf(Open.class));
        assertThat(taken).doesNotContain(new CloseConnection(), new Connect());
        assertThat(f.session.state()).isEqualTo(SessionState.OPEN_SENT);
        // Only a session that stays up clears the count: a peer flapping through our listener is still damped.
        assertThat(f.session.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void idle_afterAnOperatorStop_refusesThePeersConnection() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnectionFails());
        f.handle(ManualStop.silent());
        assertThat(f.session.acceptsConnections()).isFalse();
        assertThat(f.handle(new TcpAccepted())).containsExactly(new CloseConnection());
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void idle_afterAMaxPrefixTeardown_refusesThePeersConnection() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnected());
        f.handle(new Teardown(Notification.of(BgpError.CEASE_MAXIMUM_PREFIXES_REACHED)));
        assertThat(f.session.state()).isEqualTo(SessionState.IDLE);
        assertThat(f.handle(new TcpAccepted())).containsExactly(new CloseConnection());
    }
}
