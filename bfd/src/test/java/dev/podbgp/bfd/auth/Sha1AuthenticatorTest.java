package dev.podbgp.bfd.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bfd.wire.AuthSection;
import dev.podbgp.bfd.wire.AuthType;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.DiscardReason;
import dev.podbgp.bfd.wire.Discarded;
import dev.podbgp.bfd.wire.Octets;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.7.4 and the A-bit rules of §6.8.6, one authenticator at a time. */
class Sha1AuthenticatorTest {

    static final AuthKey KEY = AuthKey.ofAscii(1, "secret");
    /** nextInt() is 41: bfd.XmitAuthSeq starts there. */
    static final RandomGenerator SEQ_41 = () -> 41L << 32;

    static ControlPacket packet(BfdState state) {
        return new ControlPacket(0, state, false, false, false, false, 3, 7, 9, 1_000_000, 1_000_000, 0, Optional.empty());
    }

    static Authenticator sha1(AuthType type) {
        return Authenticator.of(Optional.of(AuthConfig.of(type, KEY)), SEQ_41);
    }

    static int sequence(ControlPacket signed) {
        return ((AuthSection.Digest) signed.auth().orElseThrow()).sequence();
    }

    static Octets wire(ControlPacket p) {
        return Octets.of(ControlPacketCodec.encode(p));
    }

    static Optional<DiscardReason> check(Authenticator a, ControlPacket p) {
        return a.check(p, wire(p)).map(Discarded::reason);
    }

    @Test
    void rfc5880_s6_8_1_transmitSequenceStartsAtTheRandomValue() {
        assertThat(sequence(sha1(AuthType.METICULOUS_KEYED_SHA1).sign(packet(BfdState.DOWN)))).isEqualTo(41);
    }

    @Test
    void rfc5880_s6_7_4_meticulousRaisesTheSequenceWithEveryPacket() {
        Authenticator a = sha1(AuthType.METICULOUS_KEYED_SHA1);
        assertThat(List.of(sequence(a.sign(packet(BfdState.DOWN))), sequence(a.sign(packet(BfdState.DOWN))),
                sequence(a.sign(packet(BfdState.DOWN))))).containsExactly(41, 42, 43);
    }

    @Test
    void rfc5880_s6_7_4_keyedRaisesTheSequenceWhenThePacketSaysSomethingNew() {
        Authenticator a = sha1(AuthType.KEYED_SHA1);
        ControlPacket polled = new ControlPacket(0, BfdState.DOWN, true, false, false, false, 3, 7, 9, 1_000_000, 1_000_000, 0,
                Optional.empty());
        assertThat(List.of(sequence(a.sign(packet(BfdState.DOWN))), sequence(a.sign(polled)),
                sequence(a.sign(packet(BfdState.INIT))), sequence(a.sign(packet(BfdState.INIT)))))
                .containsExactly(41, 41, 42, 42);
    }

    @Test
    void rfc5880_s6_7_4_signedPacketsPassTheirOwnCheck() {
        Authenticator sender = sha1(AuthType.METICULOUS_KEYED_SHA1);
        Authenticator receiver = sha1(AuthType.METICULOUS_KEYED_SHA1);
        assertThat(check(receiver, sender.sign(packet(BfdState.DOWN)))).isEmpty();
        assertThat(check(receiver, sender.sign(packet(BfdState.INIT)))).isEmpty();
    }

    @Test
    void rfc5880_s6_7_4_meticulousReplayIsDiscarded() {
        Authenticator receiver = sha1(AuthType.METICULOUS_KEYED_SHA1);
        ControlPacket signed = sha1(AuthType.METICULOUS_KEYED_SHA1).sign(packet(BfdState.UP));
        assertThat(check(receiver, signed)).isEmpty();
        assertThat(check(receiver, signed)).contains(DiscardReason.SEQUENCE_OUT_OF_WINDOW);
    }

    @Test
    void rfc5880_s6_7_4_keyedAcceptsARepeatedSequence() {
        Authenticator receiver = sha1(AuthType.KEYED_SHA1);
        ControlPacket signed = sha1(AuthType.KEYED_SHA1).sign(packet(BfdState.UP));
        assertThat(check(receiver, signed)).isEmpty();
        assertThat(check(receiver, signed)).isEmpty();
    }

    @Test
    void rfc5880_s6_7_4_sequenceTooFarAheadIsDiscarded() {
        Authenticator receiver = sha1(AuthType.KEYED_SHA1);
        check(receiver, KeyedSha1.sign(packet(BfdState.UP), AuthType.KEYED_SHA1, KEY, 100));
        // Detect Mult 3: the window ends at 100 + 9.
        assertThat(check(receiver, KeyedSha1.sign(packet(BfdState.UP), AuthType.KEYED_SHA1, KEY, 109))).isEmpty();
        assertThat(check(receiver, KeyedSha1.sign(packet(BfdState.UP), AuthType.KEYED_SHA1, KEY, 119)))
                .contains(DiscardReason.SEQUENCE_OUT_OF_WINDOW);
    }

    @Test
    void rfc5880_erratum7083_aForgedPacketDoesNotMoveTheWindow() {
        Authenticator receiver = sha1(AuthType.METICULOUS_KEYED_SHA1);
        ControlPacket forged = KeyedSha1.sign(packet(BfdState.UP), AuthType.METICULOUS_KEYED_SHA1, AuthKey.ofAscii(1, "guess"), 1000);
        assertThat(check(receiver, forged)).contains(DiscardReason.DIGEST_MISMATCH);
        // Had the forgery set bfd.RcvAuthSeq to 1000, sequence 5 would now be outside the window.
        assertThat(check(receiver, KeyedSha1.sign(packet(BfdState.UP), AuthType.METICULOUS_KEYED_SHA1, KEY, 5))).isEmpty();
    }

    @Test
    void rfc5880_s6_8_1_forgottenSequenceAcceptsAnyNumberAgain() {
        Authenticator receiver = sha1(AuthType.METICULOUS_KEYED_SHA1);
        check(receiver, KeyedSha1.sign(packet(BfdState.UP), AuthType.METICULOUS_KEYED_SHA1, KEY, 1000));
        receiver.forgetSequence();
        assertThat(check(receiver, KeyedSha1.sign(packet(BfdState.UP), AuthType.METICULOUS_KEYED_SHA1, KEY, 5))).isEmpty();
    }

    @Test
    void rfc5880_s6_8_6_authBitClearOnAuthenticatedSessionIsDiscarded() {
        assertThat(check(sha1(AuthType.KEYED_SHA1), packet(BfdState.DOWN))).contains(DiscardReason.MISSING_AUTH);
    }

    @Test
    void rfc5880_s6_8_6_authBitSetOnUnauthenticatedSessionIsDiscarded() {
        Authenticator none = Authenticator.of(Optional.empty(), SEQ_41);
        ControlPacket signed = sha1(AuthType.KEYED_SHA1).sign(packet(BfdState.DOWN));
        assertThat(check(none, signed)).contains(DiscardReason.UNEXPECTED_AUTH);
        assertThat(check(none, packet(BfdState.DOWN))).isEmpty();
        assertThat(none.sign(packet(BfdState.DOWN))).isEqualTo(packet(BfdState.DOWN));
        assertThat(none.type()).isEmpty();
    }

    @Test
    void rfc5880_s6_7_4_otherAuthTypeIsDiscarded() {
        ControlPacket meticulous = sha1(AuthType.METICULOUS_KEYED_SHA1).sign(packet(BfdState.DOWN));
        assertThat(check(sha1(AuthType.KEYED_SHA1), meticulous)).contains(DiscardReason.AUTH_TYPE_MISMATCH);
        ControlPacket password = packet(BfdState.DOWN).withAuth(new AuthSection.Password(1, Octets.ofHex("736563726574")));
        assertThat(check(sha1(AuthType.KEYED_SHA1), password)).contains(DiscardReason.AUTH_TYPE_MISMATCH);
    }

    @Test
    void rfc5880_s6_7_4_unknownKeyIdIsDiscarded() {
        ControlPacket signed = KeyedSha1.sign(packet(BfdState.DOWN), AuthType.KEYED_SHA1, AuthKey.ofAscii(2, "secret"), 1);
        assertThat(check(sha1(AuthType.KEYED_SHA1), signed)).contains(DiscardReason.UNKNOWN_KEY_ID);
    }

    @Test
    void rfc5880_s6_7_4_keyRollAcceptsEveryConfiguredKeyAndSignsWithTheChosenOne() {
        AuthKey next = AuthKey.ofAscii(2, "next");
        Authenticator rolling = Authenticator.of(Optional.of(new AuthConfig(AuthType.KEYED_SHA1, List.of(KEY, next), 2)), SEQ_41);
        assertThat(check(rolling, KeyedSha1.sign(packet(BfdState.DOWN), AuthType.KEYED_SHA1, KEY, 1))).isEmpty();
        assertThat(check(rolling, KeyedSha1.sign(packet(BfdState.DOWN), AuthType.KEYED_SHA1, next, 1))).isEmpty();
        assertThat(rolling.sign(packet(BfdState.DOWN)).auth().orElseThrow().keyId()).isEqualTo(2);
    }

    @Test
    void onlyTheSha1TypesCanBeConfigured() {
        assertThatThrownBy(() -> AuthConfig.of(AuthType.KEYED_MD5, KEY)).hasMessageContaining("not supported");
        assertThatThrownBy(() -> AuthConfig.of(AuthType.SIMPLE_PASSWORD, KEY)).hasMessageContaining("not supported");
        assertThatThrownBy(() -> new AuthConfig(AuthType.KEYED_SHA1, List.of(KEY), 3)).hasMessageContaining("sending key 3");
        assertThatThrownBy(() -> new AuthConfig(AuthType.KEYED_SHA1, List.of(KEY, KEY), 1)).hasMessageContaining("twice");
    }
}
