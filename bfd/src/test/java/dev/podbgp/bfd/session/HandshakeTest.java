package dev.podbgp.bfd.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.SessionEvent.AdminUp;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.Diagnostic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.2 and §6.8.6: two sessions wired together through the codec. */
class HandshakeTest {

    @Test
    void rfc5880_s6_2_threeWayHandshake_bothEndsGoDownInitUp() {
        SessionPair pair = SessionPair.standard().startBoth();
        // Each heard the other's Down: both Init.
        pair.assertBothIn(BfdState.INIT);
        // The next periodic packet of each says Init: both Up, one second later (slow start).
        pair.runFor(Duration.ofSeconds(1));
        assertThat(pair.a.path()).containsExactly("ADMIN_DOWN>DOWN", "DOWN>INIT", "INIT>UP");
        assertThat(pair.b.path()).containsExactly("ADMIN_DOWN>DOWN", "DOWN>INIT", "INIT>UP");
        assertThat(pair.a.changes.getLast().cameUp()).isTrue();
        assertThat(pair.a.changes.getLast().diagnostic()).isEqualTo(Diagnostic.NO_DIAGNOSTIC);
        assertThat(pair.a.session.remote().discriminator()).isEqualTo(2);
        assertThat(pair.b.session.remote().discriminator()).isEqualTo(1);
    }

    @Test
    void rfc5880_s6_8_6_lateStarter_goesFromDownStraightToUp() {
        SessionPair pair = SessionPair.standard();
        pair.handle(pair.a, new AdminUp());
        // b, still AdminDown, discards a's hello but keeps a's discriminator.
        pair.handle(pair.b, new AdminUp());
        assertThat(pair.a.session.state()).isEqualTo(BfdState.INIT);
        pair.runFor(Duration.ofSeconds(2));
        assertThat(pair.a.path()).containsExactly("ADMIN_DOWN>DOWN", "DOWN>INIT", "INIT>UP");
        // Down, then a's Init: straight to Up.
        assertThat(pair.b.path()).containsExactly("ADMIN_DOWN>DOWN", "DOWN>UP");
    }

    @Test
    void rfc5880_s6_8_3_onceUp_bothEndsPollTheirWayToTheFastIntervals() {
        SessionPair pair = SessionPair.standard().upAndSettled();
        for (SessionPair.End end : java.util.List.of(pair.a, pair.b)) {
            assertThat(end.session.pollInProgress()).isFalse();
            assertThat(end.session.transmitInterval()).isEqualTo(Duration.ofMillis(50));
            // Detect Mult 3 × max(our 50 ms RX, their 50 ms TX).
            assertThat(end.session.detectionTime()).contains(Duration.ofMillis(150));
            ControlPacket last = end.sent.getLast();
            assertThat(last.desiredMinTxMicros()).isEqualTo(50_000);
            assertThat(last.poll()).isFalse();
        }
        // The polls were answered: each side sent at least one F.
        assertThat(pair.a.sent).anyMatch(ControlPacket::fin);
        assertThat(pair.b.sent).anyMatch(ControlPacket::fin);
        // And no packet ever carried both P and F (§6.5).
        assertThat(pair.a.sent).noneMatch(p -> p.poll() && p.fin());
        assertThat(pair.b.sent).noneMatch(p -> p.poll() && p.fin());
    }

    @Test
    void rfc5880_s6_8_7_upSessionsKeepEachOtherUp() {
        SessionPair pair = SessionPair.standard().startBoth();
        pair.runFor(Duration.ofSeconds(60));
        assertThat(pair.a.path()).containsExactly("ADMIN_DOWN>DOWN", "DOWN>INIT", "INIT>UP");
        assertThat(pair.b.path()).containsExactly("ADMIN_DOWN>DOWN", "DOWN>INIT", "INIT>UP");
        // About 20 packets a second for a minute once fast.
        assertThat(pair.a.sent.size()).isBetween(1150, 1250);
    }
}
