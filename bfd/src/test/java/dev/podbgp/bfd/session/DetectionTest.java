package dev.podbgp.bfd.session;

import static dev.podbgp.bfd.session.SessionFixture.changes;
import static dev.podbgp.bfd.session.SessionFixture.sentOne;
import static dev.podbgp.bfd.session.SessionFixture.timers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.SessionOrder.StartTimer;
import dev.podbgp.bfd.session.SessionReport.StateChanged;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.Diagnostic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.8.4 (Detection Time) and §6.8.1 (what its expiry forgets). */
class DetectionTest {

    @Test
    void rfc5880_s6_8_4_detectionTimeIsRemoteMultTimesTheSlowerOfOurRxAndTheirTx() {
        SessionFixture f = new SessionFixture();
        f.start();
        assertThat(f.session.detectionTime()).isEmpty();
        // 5 × max(our 50 ms, their 200 ms).
        f.receive(PeerPacket.hello().detectMult(5).txMillis(200));
        assertThat(f.session.detectionTime()).contains(Duration.ofSeconds(1));
        // 2 × max(our 50 ms, their 20 ms).
        f.receive(PeerPacket.of(BfdState.DOWN).detectMult(2).txMillis(20));
        assertThat(f.session.detectionTime()).contains(Duration.ofMillis(100));
    }

    @Test
    void rfc5880_s6_8_4_everyCountedPacketRestartsTheDetectionTimer() {
        SessionFixture f = new SessionFixture();
        f.start();
        assertThat(timers(f.receive(PeerPacket.hello()), TimerKind.DETECTION))
                .containsExactly(new StartTimer(TimerKind.DETECTION, Duration.ofMillis(150)));
        // A later deadline needs no new order: the pending firing finds it and re-arms.
        f.clock.advanceMillis(100);
        assertThat(timers(f.receive(PeerPacket.of(BfdState.DOWN)), TimerKind.DETECTION)).isEmpty();
        assertThat(f.after(Duration.ofMillis(50), TimerKind.DETECTION))
                .containsExactly(new StartTimer(TimerKind.DETECTION, Duration.ofMillis(100)));
    }

    @Test
    void rfc5880_s6_8_4_aShorterDetectionTimeIsScheduledAtOnce() {
        SessionFixture f = new SessionFixture();
        f.start();
        f.receive(PeerPacket.hello().detectMult(10));
        assertThat(timers(f.receive(PeerPacket.of(BfdState.DOWN).detectMult(2)), TimerKind.DETECTION))
                .containsExactly(new StartTimer(TimerKind.DETECTION, Duration.ofMillis(100)));
    }

    @Test
    void rfc5880_s6_8_4_detectionTimeout_upGoesDownWithDiag1() {
        SessionFixture f = new SessionFixture().upAndSettled();
        var actions = f.after(Duration.ofMillis(150), TimerKind.DETECTION);
        assertThat(changes(actions)).containsExactly(
                new StateChanged(BfdState.UP, BfdState.DOWN, Diagnostic.CONTROL_DETECTION_TIME_EXPIRED, false));
        assertThat(f.session.localDiagnostic()).isEqualTo(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
        // §6.8.1: the peer's discriminator is forgotten; §6.8.3: back to one second.
        ControlPacket next = sentOne(f.fire(TimerKind.TRANSMIT));
        assertThat(next.state()).isEqualTo(BfdState.DOWN);
        assertThat(next.diagnostic()).contains(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
        assertThat(next.yourDiscriminator()).isZero();
        assertThat(next.desiredMinTxMicros()).isEqualTo(1_000_000);
    }

    @Test
    void rfc5880_s6_8_4_detectionTimeout_initGoesDownWithDiag1() {
        SessionFixture f = new SessionFixture();
        f.start();
        f.receive(PeerPacket.hello());
        assertThat(changes(f.after(Duration.ofMillis(150), TimerKind.DETECTION))).containsExactly(
                new StateChanged(BfdState.INIT, BfdState.DOWN, Diagnostic.CONTROL_DETECTION_TIME_EXPIRED, false));
    }

    @Test
    void rfc5880_s6_8_1_detectionTimeoutInDown_onlyForgetsThePeersDiscriminator() {
        SessionFixture f = new SessionFixture();
        f.start();
        f.receive(PeerPacket.of(BfdState.UP));
        assertThat(f.session.remote().discriminator()).isEqualTo(SessionFixture.PEER_DISCR);
        assertThat(changes(f.after(Duration.ofMillis(150), TimerKind.DETECTION))).isEmpty();
        assertThat(f.session.state()).isEqualTo(BfdState.DOWN);
        assertThat(f.session.remote().discriminator()).isZero();
    }

    @Test
    void rfc5880_s6_8_4_earlyOrStaleFiringsDoNotExpire() {
        SessionFixture f = new SessionFixture().upAndSettled();
        // Too early: re-armed for the rest.
        assertThat(f.after(Duration.ofMillis(100), TimerKind.DETECTION))
                .containsExactly(new StartTimer(TimerKind.DETECTION, Duration.ofMillis(50)));
        f.after(Duration.ofMillis(50), TimerKind.DETECTION);
        assertThat(f.session.state()).isEqualTo(BfdState.DOWN);
        // Expired already: a second firing does nothing.
        assertThat(f.after(Duration.ofSeconds(5), TimerKind.DETECTION)).isEmpty();
    }

    @Test
    void rfc5880_s6_8_4_cutLink_downAfterExactlyOneDetectionTime() {
        SessionPair pair = upThenDeaf();
        StateChanged down = pair.a.changes.getLast();
        assertThat(down.from()).isEqualTo(BfdState.UP);
        assertThat(down.to()).isEqualTo(BfdState.DOWN);
        assertThat(down.diagnostic()).isEqualTo(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
        assertThat(pair.a.changedAt.getLast() - pair.a.lastHeardAt).isEqualTo(Duration.ofMillis(150).toNanos());
        // b still hears a, which now says Down: b follows with Neighbor Signaled Session Down.
        assertThat(pair.b.changes.getLast()).isEqualTo(
                new StateChanged(BfdState.UP, BfdState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, false));
    }

    @Test
    void rfc5880_s6_8_4_restoredLink_comesBackUp() {
        SessionPair pair = upThenDeaf();
        pair.a.deaf = false;
        pair.runFor(Duration.ofSeconds(5));
        pair.assertBothIn(BfdState.UP);
    }

    /** Both Up, then a hears nothing more for a second. */
    static SessionPair upThenDeaf() {
        SessionPair pair = SessionPair.standard().upAndSettled();
        pair.a.deaf = true;
        pair.runFor(Duration.ofSeconds(1));
        return pair;
    }
}
