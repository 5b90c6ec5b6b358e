package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.SessionFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionEvent.AdminReset;
import dev.podbgp.bgp.session.SessionEvent.ManualStart;
import dev.podbgp.bgp.session.SessionEvent.TcpConnectionFails;
import dev.podbgp.bgp.session.SessionOrder.StartTimer;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.message.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A peer that keeps failing is retried ever more slowly, then damped; a stable one is not. */
class SessionDampingTest {

    private static Duration idleHold(List<SessionAction> actions) {
        List<StartTimer> starts = only(actions, StartTimer.class).stream().filter(s -> s.timer() == TimerKind.IDLE_HOLD).toList();
        assertThat(starts).hasSize(1);
        return starts.getFirst().delay();
    }

    @Test
    void rfc4271_s8_1_1_refusedConnectionsBackOffThenDamp() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Duration wait = idleHold(f.handle(new TcpConnectionFails()));
            waits.add(wait.toMillis());
            f.clock.advance(wait);
            f.fire(TimerKind.IDLE_HOLD);
            assertThat(f.session.state()).isEqualTo(SessionState.CONNECT);
        }
        // Default policy at jitter 0.75: 1 s doubling to the 30 s cap, 60 s from the 8th failure.
        assertThat(waits).containsExactly(750L, 1500L, 3000L, 6000L, 12_000L, 22_500L, 22_500L, 45_000L, 45_000L);
    }

    @Test
    void peerRefusingOurOpenIsDampedToo() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        Duration last = Duration.ZERO;
        for (int i = 0; i < 8; i++) {
            f.handle(new SessionEvent.TcpConnected());
            last = idleHold(f.receive(Notification.of(BgpError.BAD_PEER_AS)));
            f.clock.advance(last);
            f.fire(TimerKind.IDLE_HOLD);
        }
        assertThat(last).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void sessionEstablishedLongEnough_clearsTheFailureCount() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnectionFails());
        f.clock.advanceSeconds(1);
        f.fire(TimerKind.IDLE_HOLD);
        f.handle(new SessionEvent.TcpConnected());
        f.receive(SessionFixture.peerOpen());
        f.receive(dev.podbgp.bgp.wire.message.Keepalive.INSTANCE);
        f.clock.advanceSeconds(60);
        f.receive(dev.podbgp.bgp.wire.message.Keepalive.INSTANCE);
        assertThat(idleHold(f.handle(new TcpConnectionFails()))).isEqualTo(Duration.ofMillis(750));
        assertThat(f.session.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void sessionThatFlapsRightAfterEstablishing_countsAsAFailure() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnectionFails());
        f.clock.advanceSeconds(1);
        f.fire(TimerKind.IDLE_HOLD);
        f.handle(new SessionEvent.TcpConnected());
        f.receive(SessionFixture.peerOpen());
        f.receive(dev.podbgp.bgp.wire.message.Keepalive.INSTANCE);
        f.clock.advanceSeconds(5);
        assertThat(idleHold(f.handle(new TcpConnectionFails()))).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void adminReset_restartsAfterTheBaseWaitWithoutCountingAFailure() {
        SessionFixture f = new SessionFixture();
        f.handle(new ManualStart());
        f.handle(new TcpConnectionFails());
        f.clock.advanceSeconds(1);
        f.fire(TimerKind.IDLE_HOLD);
        f.established();
        var actions = f.handle(new AdminReset(java.util.Optional.empty()));
        assertThat(idleHold(actions)).isEqualTo(Duration.ofSeconds(1));
        assertThat(f.session.consecutiveFailures()).isZero();
    }
}
