package dev.podbgp.bfd.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5880 §6.7.4 sequence windows, Detect Mult 3 (so 3 × Detect Mult = 9). */
class ReceiveSequenceTest {

    @Test
    void rfc5880_s6_7_4_unknownSequenceAcceptsAnything() {
        ReceiveSequence s = new ReceiveSequence();
        assertThat(s.known()).isFalse();
        assertThat(s.inWindow(12345, 3, true)).isTrue();
    }

    @Test
    void rfc5880_s6_7_4_keyedAcceptsTheSameNumberUpToThreeTimesDetectMultAhead() {
        ReceiveSequence s = new ReceiveSequence();
        s.accept(100);
        assertThat(s.inWindow(100, 3, false)).isTrue();
        assertThat(s.inWindow(109, 3, false)).isTrue();
        assertThat(s.inWindow(110, 3, false)).isFalse();
        assertThat(s.inWindow(99, 3, false)).isFalse();
    }

    @Test
    void rfc5880_s6_7_4_meticulousRefusesTheSameNumber() {
        ReceiveSequence s = new ReceiveSequence();
        s.accept(100);
        assertThat(s.inWindow(100, 3, true)).isFalse();
        assertThat(s.inWindow(101, 3, true)).isTrue();
        assertThat(s.inWindow(109, 3, true)).isTrue();
        assertThat(s.inWindow(110, 3, true)).isFalse();
    }

    @Test
    void rfc5880_s6_7_4_windowWrapsInUnsigned32BitSpace() {
        ReceiveSequence s = new ReceiveSequence();
        s.accept(0xfffffffe);
        assertThat(s.inWindow(0xffffffff, 3, true)).isTrue();
        assertThat(s.inWindow(0, 3, true)).isTrue();
        assertThat(s.inWindow(7, 3, true)).isTrue();
        assertThat(s.inWindow(8, 3, true)).isFalse();
        assertThat(s.inWindow(0xfffffffd, 3, true)).isFalse();
    }

    @Test
    void rfc5880_s6_8_1_forgettingOpensTheWindowAgain() {
        ReceiveSequence s = new ReceiveSequence();
        s.accept(100);
        s.forget();
        assertThat(s.known()).isFalse();
        assertThat(s.inWindow(5, 3, true)).isTrue();
    }
}
