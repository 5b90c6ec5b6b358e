package dev.podbgp.bfd.session;

import static dev.podbgp.bfd.session.SessionFixture.sent;
import static dev.podbgp.bfd.session.SessionFixture.sentOne;
import static dev.podbgp.bfd.session.SessionFixture.timers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.SessionEvent.ParametersChanged;
import dev.podbgp.bfd.session.SessionOrder.StartTimer;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.5 (Poll Sequence) and the interval change rules of §6.8.3. */
class PollSequenceTest {

    static final Duration MS_10 = Duration.ofMillis(10);
    static final Duration MS_200 = Duration.ofMillis(200);
    static final Duration MS_500 = Duration.ofMillis(500);

    static ParametersChanged intervals(Duration tx, Duration rx) {
        return new ParametersChanged(tx, rx, 3);
    }

    @Test
    void rfc5880_s6_8_3_reachingUp_pollsWithTheFastIntervalsAndUsesThemAtOnce() {
        SessionFixture f = new SessionFixture();
        f.start();
        f.receive(PeerPacket.hello());
        List<SessionAction> up = f.receive(PeerPacket.of(BfdState.INIT));
        assertThat(f.session.pollInProgress()).isTrue();
        // A faster TX cannot hurt the peer: the pending one-second wait is cut to 50 ms now.
        assertThat(timers(up, TimerKind.TRANSMIT)).containsExactly(new StartTimer(TimerKind.TRANSMIT, SessionFixture.FAST));
        ControlPacket next = sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT));
        assertThat(next.poll()).isTrue();
        assertThat(next.fin()).isFalse();
        assertThat(next.desiredMinTxMicros()).isEqualTo(50_000);
    }

    @Test
    void rfc5880_s6_5_finalEndsThePoll() {
        SessionFixture f = new SessionFixture().up();
        f.receive(PeerPacket.of(BfdState.UP).fin());
        assertThat(f.session.pollInProgress()).isFalse();
        assertThat(sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT)).poll()).isFalse();
    }

    @Test
    void rfc5880_s6_5_pollRidesThePeriodicPacketsUntilFinal() {
        SessionFixture f = new SessionFixture().up();
        for (int i = 0; i < 5; i++) {
            f.receive(PeerPacket.of(BfdState.UP));
            assertThat(sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT)).poll()).isTrue();
        }
    }

    @Test
    void rfc5880_s6_8_6_pollIsAnsweredAtOnceWithFinalAndWithoutPoll() {
        SessionFixture f = new SessionFixture().up();
        assertThat(f.session.pollInProgress()).isTrue();
        List<SessionAction> actions = f.receive(PeerPacket.of(BfdState.UP).poll());
        ControlPacket answer = sentOne(actions);
        assertThat(answer.fin()).isTrue();
        // §6.5: never both bits, even while our own poll is outstanding.
        assertThat(answer.poll()).isFalse();
        assertThat(answer.state()).isEqualTo(BfdState.UP);
        // The answer is extra: the periodic timer was not touched.
        assertThat(timers(actions, TimerKind.TRANSMIT)).isEmpty();
    }

    @Test
    void rfc5880_s6_8_6_pollIsAnsweredInDownToo() {
        SessionFixture f = new SessionFixture();
        f.start();
        assertThat(sentOne(f.receive(PeerPacket.hello().poll())).fin()).isTrue();
    }

    @Test
    void rfc5880_s6_8_3_slowerTx_isAdvertisedAtOnceButUsedOnlyAfterFinal() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.handle(intervals(MS_500, SessionFixture.FAST));
        assertThat(f.session.pollInProgress()).isTrue();
        ControlPacket next = sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT));
        assertThat(next.desiredMinTxMicros()).isEqualTo(500_000);
        assertThat(next.poll()).isTrue();
        assertThat(f.session.transmitInterval()).isEqualTo(SessionFixture.FAST);
        f.receive(PeerPacket.of(BfdState.UP).fin());
        assertThat(f.session.transmitInterval()).isEqualTo(MS_500);
        assertThat(timers(f.after(SessionFixture.FAST, TimerKind.TRANSMIT), TimerKind.TRANSMIT))
                .containsExactly(new StartTimer(TimerKind.TRANSMIT, MS_500));
    }

    @Test
    void rfc5880_s6_8_3_fasterRx_keepsTheOldDetectionTimeUntilFinal() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.handle(intervals(SessionFixture.FAST, MS_10));
        assertThat(sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT)).requiredMinRxMicros()).isEqualTo(10_000);
        // The peer already sends every 10 ms, but has not acknowledged our faster RX yet: 3 × 50 ms.
        f.receive(PeerPacket.of(BfdState.UP).txMillis(10));
        assertThat(f.session.detectionTime()).contains(Duration.ofMillis(150));
        f.receive(PeerPacket.of(BfdState.UP).txMillis(10).fin());
        assertThat(f.session.detectionTime()).contains(Duration.ofMillis(30));
    }

    @Test
    void rfc5880_s6_8_3_slowerRx_appliesAtOnce() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.handle(intervals(SessionFixture.FAST, MS_200));
        f.receive(PeerPacket.of(BfdState.UP));
        assertThat(f.session.pollInProgress()).isTrue();
        assertThat(f.session.detectionTime()).contains(Duration.ofMillis(600));
    }

    @Test
    void rfc5880_s6_8_3_fasterTx_appliesAtOnce() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withTimers(MS_200, SessionFixture.FAST, 3)).upAndSettled();
        assertThat(f.session.transmitInterval()).isEqualTo(MS_200);
        List<SessionAction> actions = f.handle(intervals(MS_10, SessionFixture.FAST));
        // Our 10 ms, but the peer's Required Min RX of 50 ms rules.
        assertThat(f.session.transmitInterval()).isEqualTo(SessionFixture.FAST);
        assertThat(timers(actions, TimerKind.TRANSMIT)).containsExactly(new StartTimer(TimerKind.TRANSMIT, SessionFixture.FAST));
    }

    @Test
    void rfc5880_s6_8_3_aSecondChangeWaitsForThePollToSettle() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.handle(intervals(MS_200, SessionFixture.FAST));
        f.handle(intervals(MS_500, SessionFixture.FAST));
        // Still the first change: an F must answer one set of values only.
        assertThat(sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT)).desiredMinTxMicros()).isEqualTo(200_000);
        f.receive(PeerPacket.of(BfdState.UP).fin());
        assertThat(f.session.pollInProgress()).isFalse();
        assertThat(f.session.transmitInterval()).isEqualTo(MS_200);
        // A packet without F after the poll: now the second change gets its own poll.
        f.receive(PeerPacket.of(BfdState.UP));
        assertThat(f.session.pollInProgress()).isTrue();
        ControlPacket next = sentOne(f.after(MS_200, TimerKind.TRANSMIT));
        assertThat(next.desiredMinTxMicros()).isEqualTo(500_000);
        assertThat(next.poll()).isTrue();
        // The slower TX waits for its own F.
        assertThat(f.session.transmitInterval()).isEqualTo(MS_200);
    }

    @Test
    void rfc5880_s6_8_3_aChangeWhileNotUpAppliesAtOnce() {
        SessionFixture f = new SessionFixture();
        f.start();
        f.handle(intervals(Duration.ofSeconds(2), SessionFixture.FAST));
        assertThat(f.session.transmitInterval()).isEqualTo(Duration.ofSeconds(2));
        ControlPacket next = sentOne(f.after(SessionFixture.SLOW, TimerKind.TRANSMIT));
        assertThat(next.desiredMinTxMicros()).isEqualTo(2_000_000);
        assertThat(next.poll()).isTrue();
    }

    @Test
    void rfc5880_s6_8_3_unchangedIntervals_startNoPoll() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.handle(intervals(SessionFixture.FAST, SessionFixture.FAST));
        assertThat(f.session.pollInProgress()).isFalse();
        assertThat(sent(f.after(SessionFixture.FAST, TimerKind.TRANSMIT))).noneMatch(ControlPacket::poll);
    }

    @Test
    void rfc5880_s6_8_3_detectMultChangeNeedsNoPollAndGoesOutAtOnce() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.handle(new ParametersChanged(SessionFixture.FAST, SessionFixture.FAST, 5));
        assertThat(f.session.pollInProgress()).isFalse();
        assertThat(sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT)).detectMult()).isEqualTo(5);
    }

    @Test
    void rfc5880_s6_5_pollBetweenTwoSessions_changesIntervalsOnBothSides() {
        SessionPair pair = SessionPair.standard().upAndSettled();
        pair.handle(pair.a, intervals(MS_200, MS_200));
        pair.runFor(Duration.ofSeconds(2));
        assertThat(pair.a.session.pollInProgress()).isFalse();
        assertThat(pair.a.session.transmitInterval()).isEqualTo(MS_200);
        // b now sends at a's slower Required Min RX, and detects a with a's slower TX: 3 × 200 ms.
        assertThat(pair.b.session.transmitInterval()).isEqualTo(MS_200);
        assertThat(pair.b.session.detectionTime()).contains(Duration.ofMillis(600));
        pair.assertBothIn(BfdState.UP);
    }
}
