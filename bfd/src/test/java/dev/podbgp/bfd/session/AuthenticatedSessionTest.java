package dev.podbgp.bfd.session;

import static dev.podbgp.bfd.session.SessionFixture.discards;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.auth.AuthConfig;
import dev.podbgp.bfd.auth.AuthKey;
import dev.podbgp.bfd.auth.KeyedSha1;
import dev.podbgp.bfd.session.SessionReport.PacketDiscarded;
import dev.podbgp.bfd.wire.AuthType;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.DiscardReason;
import dev.podbgp.bfd.wire.Octets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.7.4 and the §6.8.6 authentication rules, on whole sessions. */
class AuthenticatedSessionTest {

    static final AuthKey KEY = AuthKey.ofAscii(1, "pod-cidr-secret");
    static final AuthConfig METICULOUS = AuthConfig.of(AuthType.METICULOUS_KEYED_SHA1, KEY);

    static SessionPair pair(AuthConfig forA, AuthConfig forB) {
        SessionConfig a = SessionPair.config(1, SessionPair.B_ADDRESS);
        SessionConfig b = SessionPair.config(2, SessionPair.A_ADDRESS);
        return new SessionPair(forA == null ? a : a.withAuth(forA), forB == null ? b : b.withAuth(forB), new SplittableRandom(1));
    }

    static long discarded(SessionPair.End end, DiscardReason reason) {
        return end.all.stream().filter(PacketDiscarded.class::isInstance).map(PacketDiscarded.class::cast)
                .filter(d -> d.discard().reason() == reason).count();
    }

    @Test
    void rfc5880_s6_7_4_meticulousKeyedSha1Sessions_comeUpAndStayUp() {
        SessionPair pair = pair(METICULOUS, METICULOUS).startBoth();
        pair.runFor(Duration.ofSeconds(30));
        pair.assertBothIn(BfdState.UP);
        assertThat(pair.a.path()).containsExactly("ADMIN_DOWN>DOWN", "DOWN>INIT", "INIT>UP");
        assertThat(pair.a.sent).allMatch(ControlPacket::authenticated);
        assertThat(pair.b.all).noneMatch(PacketDiscarded.class::isInstance);
    }

    @Test
    void rfc5880_s6_7_4_keyedSha1Sessions_comeUp() {
        AuthConfig keyed = AuthConfig.of(AuthType.KEYED_SHA1, KEY);
        SessionPair pair = pair(keyed, keyed).startBoth();
        pair.runFor(Duration.ofSeconds(5));
        pair.assertBothIn(BfdState.UP);
    }

    @Test
    void rfc5880_s6_7_4_differentKeys_neverComeUp() {
        SessionPair pair = pair(METICULOUS, AuthConfig.of(AuthType.METICULOUS_KEYED_SHA1, AuthKey.ofAscii(1, "other")));
        pair.startBoth();
        pair.runFor(Duration.ofSeconds(5));
        pair.assertBothIn(BfdState.DOWN);
        assertThat(discarded(pair.b, DiscardReason.DIGEST_MISMATCH)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void rfc5880_s6_8_6_authenticationOnOneSideOnly_neverComesUp() {
        SessionPair pair = pair(METICULOUS, null).startBoth();
        pair.runFor(Duration.ofSeconds(5));
        pair.assertBothIn(BfdState.DOWN);
        assertThat(discarded(pair.a, DiscardReason.MISSING_AUTH)).isPositive();
        assertThat(discarded(pair.b, DiscardReason.UNEXPECTED_AUTH)).isPositive();
    }

    @Test
    void rfc5880_s6_7_4_replayedPacketIsDiscardedAndChangesNothing() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withAuth(METICULOUS));
        f.start();
        ControlPacket down = KeyedSha1.sign(PeerPacket.of(BfdState.DOWN).packet(), AuthType.METICULOUS_KEYED_SHA1, KEY, 10);
        f.receive(down);
        assertThat(f.session.state()).isEqualTo(BfdState.INIT);
        f.receive(KeyedSha1.sign(PeerPacket.of(BfdState.INIT).packet(), AuthType.METICULOUS_KEYED_SHA1, KEY, 11));
        assertThat(f.session.state()).isEqualTo(BfdState.UP);
        // An attacker replays the captured Down: it would take the session down with diag 3.
        assertThat(discards(f.receive(down))).containsExactly(DiscardReason.SEQUENCE_OUT_OF_WINDOW);
        assertThat(f.session.state()).isEqualTo(BfdState.UP);
    }

    @Test
    void rfc5880_s6_8_1_afterTwiceTheDetectionTimeOfSilence_anySequenceNumberIsAcceptedAgain() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withAuth(METICULOUS));
        f.start();
        f.receive(KeyedSha1.sign(PeerPacket.hello().packet(), AuthType.METICULOUS_KEYED_SHA1, KEY, 1000));
        ControlPacket restarted = KeyedSha1.sign(PeerPacket.hello().packet(), AuthType.METICULOUS_KEYED_SHA1, KEY, 7);
        // Detection Time is 150 ms: after 200 ms of silence the window still holds.
        f.clock.advanceMillis(200);
        assertThat(discards(f.receive(restarted))).containsExactly(DiscardReason.SEQUENCE_OUT_OF_WINDOW);
        // After 300 ms (twice 150 ms) bfd.AuthSeqKnown is 0: a peer that restarted is heard.
        f.clock.advanceMillis(100);
        assertThat(discards(f.receive(restarted))).isEmpty();
    }

    @Test
    void rfc5880_s6_7_4_sessionSignsWithTheConfiguredKey() {
        SessionFixture f = new SessionFixture(SessionFixture.config().withAuth(METICULOUS));
        ControlPacket hello = SessionFixture.sentOne(f.start());
        assertThat(hello.auth().orElseThrow().type()).isEqualTo(AuthType.METICULOUS_KEYED_SHA1);
        assertThat(hello.auth().orElseThrow().keyId()).isEqualTo(1);
        assertThat(KeyedSha1.verify(Octets.of(ControlPacketCodec.encode(hello)), KEY)).isTrue();
    }
}
