package dev.podbgp.bfd.session;

import static dev.podbgp.bfd.session.SessionFixture.changes;
import static dev.podbgp.bfd.session.SessionFixture.discards;
import static dev.podbgp.bfd.session.SessionFixture.sent;
import static dev.podbgp.bfd.session.SessionFixture.sentOne;
import static dev.podbgp.bfd.session.SessionFixture.timers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.SessionEvent.AdminDown;
import dev.podbgp.bfd.session.SessionEvent.AdminUp;
import dev.podbgp.bfd.session.SessionOrder.StartTimer;
import dev.podbgp.bfd.session.SessionReport.StateChanged;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.bfd.wire.DiscardReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.8.16, and the peer's side of it in §6.8.6. */
class AdminControlTest {

    @Test
    void rfc5880_s6_8_16_aNewSessionIsAdminDownAndSilent() {
        SessionFixture f = new SessionFixture();
        assertThat(f.session.state()).isEqualTo(BfdState.ADMIN_DOWN);
        assertThat(f.fire(TimerKind.TRANSMIT)).isEmpty();
        assertThat(f.fire(TimerKind.DETECTION)).isEmpty();
    }

    @Test
    void rfc5880_s6_8_16_enabling_goesDownAndSendsAtOnce() {
        SessionFixture f = new SessionFixture();
        List<SessionAction> actions = f.start();
        assertThat(changes(actions)).containsExactly(
                new StateChanged(BfdState.ADMIN_DOWN, BfdState.DOWN, Diagnostic.NO_DIAGNOSTIC, false));
        ControlPacket hello = sentOne(actions);
        assertThat(hello.state()).isEqualTo(BfdState.DOWN);
        assertThat(hello.yourDiscriminator()).isZero();
        assertThat(hello.myDiscriminator()).isEqualTo(SessionFixture.LOCAL_DISCR);
        assertThat(timers(actions, TimerKind.TRANSMIT)).containsExactly(new StartTimer(TimerKind.TRANSMIT, Duration.ofSeconds(1)));
        // Enabling twice changes nothing.
        assertThat(f.start()).isEmpty();
    }

    @Test
    void rfc5880_s6_8_16_disablingAnUpSession_goesAdminDownWithTheDiagnosticAndKeepsSending() {
        SessionFixture f = new SessionFixture().upAndSettled();
        List<SessionAction> actions = f.handle(AdminDown.byOperator());
        StateChanged change = changes(actions).getFirst();
        assertThat(change).isEqualTo(new StateChanged(BfdState.UP, BfdState.ADMIN_DOWN, Diagnostic.ADMINISTRATIVELY_DOWN, false));
        assertThat(change.wentDown()).isTrue();
        // The packet already scheduled (fast) says AdminDown; the ones after it are one second apart.
        List<SessionAction> tick = f.after(SessionFixture.FAST, TimerKind.TRANSMIT);
        ControlPacket next = sentOne(tick);
        assertThat(next.state()).isEqualTo(BfdState.ADMIN_DOWN);
        assertThat(next.diagnostic()).contains(Diagnostic.ADMINISTRATIVELY_DOWN);
        assertThat(next.desiredMinTxMicros()).isEqualTo(1_000_000);
        assertThat(timers(tick, TimerKind.TRANSMIT)).containsExactly(new StartTimer(TimerKind.TRANSMIT, Duration.ofSeconds(1)));
        for (int i = 0; i < 10; i++) {
            assertThat(sentOne(f.after(Duration.ofSeconds(1), TimerKind.TRANSMIT)).state()).isEqualTo(BfdState.ADMIN_DOWN);
        }
    }

    @Test
    void rfc5880_s6_8_16_pathDown_isDisablingWithDiag5() {
        SessionFixture f = new SessionFixture().upAndSettled();
        assertThat(changes(f.handle(AdminDown.pathDown()))).extracting(StateChanged::diagnostic)
                .containsExactly(Diagnostic.PATH_DOWN);
    }

    @Test
    void rfc5880_s6_8_6_adminDownSession_discardsPacketsButLearnsThePeer() {
        SessionFixture f = new SessionFixture();
        f.handle(AdminDown.byOperator());
        List<SessionAction> actions = f.receive(PeerPacket.hello());
        assertThat(discards(actions)).containsExactly(DiscardReason.ADMIN_DOWN);
        assertThat(changes(actions)).isEmpty();
        assertThat(f.session.remote().discriminator()).isEqualTo(SessionFixture.PEER_DISCR);
        // §6.8.1: a valid packet keeps the peer's discriminator for another Detection Time.
        assertThat(timers(actions, TimerKind.DETECTION)).containsExactly(new StartTimer(TimerKind.DETECTION, Duration.ofMillis(150)));
        f.clock.advanceMillis(100);
        f.receive(PeerPacket.of(BfdState.DOWN));
        f.after(Duration.ofMillis(50), TimerKind.DETECTION);
        assertThat(f.session.remote().discriminator()).isEqualTo(SessionFixture.PEER_DISCR);
        assertThat(f.session.state()).isEqualTo(BfdState.ADMIN_DOWN);
        // A poll is not answered either: the packet was discarded.
        assertThat(sent(f.receive(PeerPacket.of(BfdState.DOWN).poll()))).isEmpty();
    }

    @Test
    void rfc5880_s6_8_16_aSessionDisabledBeforeEverBeingEnabledSaysAdminDown() {
        SessionFixture f = new SessionFixture();
        List<SessionAction> actions = f.handle(AdminDown.byOperator());
        assertThat(changes(actions)).isEmpty();
        ControlPacket packet = sentOne(actions);
        assertThat(packet.state()).isEqualTo(BfdState.ADMIN_DOWN);
        assertThat(packet.diagnostic()).contains(Diagnostic.ADMINISTRATIVELY_DOWN);
    }

    @Test
    void rfc5880_s6_8_16_enablingAgain_goesDownWithoutDiagnostic() {
        SessionFixture f = new SessionFixture().upAndSettled();
        f.handle(AdminDown.byOperator());
        assertThat(changes(f.handle(new AdminUp()))).containsExactly(
                new StateChanged(BfdState.ADMIN_DOWN, BfdState.DOWN, Diagnostic.NO_DIAGNOSTIC, false));
    }

    @Test
    void rfc5880_s6_8_16_peerDisabled_weGoDownWithDiag3AndStayDownUntilItIsEnabled() {
        SessionPair pair = SessionPair.standard().upAndSettled();
        pair.handle(pair.a, AdminDown.byOperator());
        pair.runFor(Duration.ofSeconds(1));
        assertThat(pair.b.changes.getLast()).isEqualTo(
                new StateChanged(BfdState.UP, BfdState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, false));
        int movesSoFar = pair.b.changes.size();
        // §6.2: AdminDown holds the peer in Down, however long.
        pair.runFor(Duration.ofSeconds(30));
        assertThat(pair.b.changes).hasSize(movesSoFar);
        assertThat(pair.b.session.state()).isEqualTo(BfdState.DOWN);
        pair.handle(pair.a, new AdminUp());
        pair.runFor(Duration.ofSeconds(3));
        pair.assertBothIn(BfdState.UP);
    }
}
