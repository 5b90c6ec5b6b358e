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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.8.7 (what and when we send), §6.8.3 (slow start), §6.1 (passive role). */
class TransmitTest {

    @Test
    void rfc5880_s6_8_3_notUp_sendsOncePerSecondAndSaysOneSecond() {
        SessionFixture f = new SessionFixture();
        ControlPacket hello = sentOne(f.start());
        assertThat(hello.desiredMinTxMicros()).isEqualTo(1_000_000);
        // The RX side is not slowed: the peer may send as fast as we allow.
        assertThat(hello.requiredMinRxMicros()).isEqualTo(50_000);
        f.receive(PeerPacket.hello());
        assertThat(f.session.state()).isEqualTo(BfdState.INIT);
        assertThat(f.session.transmitInterval()).isEqualTo(Duration.ofSeconds(1));
        List<SessionAction> tick = f.after(Duration.ofSeconds(1), TimerKind.TRANSMIT);
        assertThat(sentOne(tick).desiredMinTxMicros()).isEqualTo(1_000_000);
        assertThat(timers(tick, TimerKind.TRANSMIT)).containsExactly(new StartTimer(TimerKind.TRANSMIT, Duration.ofSeconds(1)));
    }

    @Test
    void rfc5880_s6_8_3_aSlowConfigurationStaysSlowInDown() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withTimers(Duration.ofSeconds(2), Duration.ofSeconds(2), 3));
        assertThat(sentOne(f.start()).desiredMinTxMicros()).isEqualTo(2_000_000);
        assertThat(f.session.transmitInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rfc5880_s6_8_7_intervalIsTheLargerOfOurTxAndTheirRx() {
        SessionFixture f = new SessionFixture().up();
        f.receive(PeerPacket.of(BfdState.UP).rxMillis(300));
        assertThat(f.session.transmitInterval()).isEqualTo(Duration.ofMillis(300));
        f.receive(PeerPacket.of(BfdState.UP).rxMillis(10));
        assertThat(f.session.transmitInterval()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void rfc5880_s6_8_3_peerLowersItsRx_theShorterIntervalIsHonouredAtOnce() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.receive(PeerPacket.of(BfdState.UP).rxMillis(800));
        // The periodic timer now runs to 800 ms.
        assertThat(timers(f.after(SessionFixture.FAST, TimerKind.TRANSMIT), TimerKind.TRANSMIT))
                .containsExactly(new StartTimer(TimerKind.TRANSMIT, Duration.ofMillis(800)));
        f.clock.advanceMillis(100);
        List<SessionAction> actions = f.receive(PeerPacket.of(BfdState.UP).rxMillis(50));
        assertThat(timers(actions, TimerKind.TRANSMIT)).containsExactly(new StartTimer(TimerKind.TRANSMIT, SessionFixture.FAST));
    }

    @Test
    void rfc5880_s6_8_7_jitterOnEveryPeriodicPacket() {
        SessionFixture f = new SessionFixture(SessionFixture.config(), new SplittableRandom(7));
        f.upAndSettled();
        for (int i = 0; i < 500; i++) {
            List<SessionAction> tick = f.after(Duration.ofMillis(50), TimerKind.TRANSMIT);
            f.receive(PeerPacket.of(BfdState.UP));
            Duration wait = timers(tick, TimerKind.TRANSMIT).getLast().delay();
            assertThat(wait).isBetween(Duration.ofNanos(37_500_000), Duration.ofMillis(50));
        }
    }

    @Test
    void rfc5880_s6_8_7_detectMultOne_waitsAtMost90Percent() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withTimers(SessionFixture.FAST, SessionFixture.FAST, 1));
        assertThat(timers(f.start(), TimerKind.TRANSMIT)).containsExactly(new StartTimer(TimerKind.TRANSMIT, Duration.ofMillis(900)));
    }

    @Test
    void rfc5880_s6_8_7_packetContentsFollowTheStateVariables() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withTimers(SessionFixture.FAST, Duration.ofMillis(70), 4));
        f.start();
        f.receive(PeerPacket.hello());
        ControlPacket p = sentOne(f.after(Duration.ofSeconds(1), TimerKind.TRANSMIT));
        assertThat(p.state()).isEqualTo(BfdState.INIT);
        assertThat(p.detectMult()).isEqualTo(4);
        assertThat(p.myDiscriminator()).isEqualTo(SessionFixture.LOCAL_DISCR);
        assertThat(p.yourDiscriminator()).isEqualTo(SessionFixture.PEER_DISCR);
        assertThat(p.requiredMinRxMicros()).isEqualTo(70_000);
        assertThat(p.requiredMinEchoRxMicros()).isZero();
        assertThat(p.demand()).isFalse();
        assertThat(p.controlPlaneIndependent()).isFalse();
        assertThat(p.authenticated()).isFalse();
    }

    @Test
    void rfc5880_s4_1_controlPlaneIndependentIsAConfigurationFlag() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withControlPlaneIndependent(true));
        assertThat(sentOne(f.start()).controlPlaneIndependent()).isTrue();
    }

    @Test
    void rfc5880_s6_1_passiveSession_staysSilentUntilItHearsThePeer() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withPassive(true));
        assertThat(sent(f.start())).isEmpty();
        assertThat(sent(f.after(Duration.ofSeconds(1), TimerKind.TRANSMIT))).isEmpty();
        f.receive(PeerPacket.hello());
        ControlPacket first = sentOne(f.after(Duration.ofSeconds(1), TimerKind.TRANSMIT));
        assertThat(first.state()).isEqualTo(BfdState.INIT);
        assertThat(first.yourDiscriminator()).isEqualTo(SessionFixture.PEER_DISCR);
    }

    @Test
    void rfc5880_s6_8_7_peerWantsNoPeriodicPackets_weSendNoneButStillAnswerPolls() {
        SessionFixture f = new SessionFixture().up();
        f.receive(PeerPacket.of(BfdState.UP).rxMillis(0));
        assertThat(sent(f.after(SessionFixture.FAST, TimerKind.TRANSMIT))).isEmpty();
        assertThat(sentOne(f.receive(PeerPacket.of(BfdState.UP).rxMillis(0).poll())).fin()).isTrue();
    }

    @Test
    void rfc5880_s6_8_7_peerInDemandMode_periodicPacketsStopExceptToPoll() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.receive(PeerPacket.of(BfdState.UP).demand());
        assertThat(sent(f.after(SessionFixture.FAST, TimerKind.TRANSMIT))).isEmpty();
        // A change to announce: the poll goes out at the periodic rate all the same (§6.5).
        f.handle(new ParametersChanged(Duration.ofMillis(40), SessionFixture.FAST, 3));
        assertThat(sentOne(f.after(SessionFixture.FAST, TimerKind.TRANSMIT)).poll()).isTrue();
        f.receive(PeerPacket.of(BfdState.UP).demand().fin());
        assertThat(sent(f.after(SessionFixture.FAST, TimerKind.TRANSMIT))).isEmpty();
        // Demand is only active while both are Up: a peer in Init gets periodic packets again.
        f.receive(PeerPacket.of(BfdState.INIT).demand());
        assertThat(sent(f.after(SessionFixture.FAST, TimerKind.TRANSMIT))).hasSize(1);
    }
}
