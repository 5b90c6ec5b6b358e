package dev.podbgp.bgp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exponential restart backoff with RFC 4271 §10 jitter and §8.1.1-style damping. */
class RestartBackoffTest {

    private static final BackoffPolicy POLICY = new BackoffPolicy(
            Duration.ofSeconds(1), Duration.ofSeconds(10), 6, Duration.ofMinutes(5), Duration.ofSeconds(60));

    private static long millis(RestartBackoff b) {
        return b.nextDelay().toMillis();
    }

    @Test
    void doublesFromBaseUpToTheCap() {
        RestartBackoff b = new RestartBackoff(POLICY, () -> 0L);
        // Jitter factor 0.75 with nextDouble() == 0.
        assertThat(new long[] {millis(b), millis(b), millis(b), millis(b), millis(b)})
                .containsExactly(750, 1500, 3000, 6000, 7500);
        assertThat(b.failures()).isEqualTo(5);
        assertThat(b.damped()).isFalse();
    }

    @Test
    void rfc4271_s8_1_1_dampsAfterRepeatedFailures() {
        RestartBackoff b = new RestartBackoff(POLICY, () -> 0L);
        for (int i = 0; i < 5; i++) {
            b.nextDelay();
        }
        assertThat(millis(b)).isEqualTo(225_000);
        assertThat(b.damped()).isTrue();
        assertThat(millis(b)).isEqualTo(225_000);
    }

    @Test
    void resetStartsOverFromBase() {
        RestartBackoff b = new RestartBackoff(POLICY, () -> 0L);
        for (int i = 0; i < 7; i++) {
            b.nextDelay();
        }
        b.reset();
        assertThat(b.failures()).isZero();
        assertThat(millis(b)).isEqualTo(750);
    }

    @Test
    void rfc4271_s10_jitterStaysBetweenThreeQuartersAndTheFullValue() {
        RestartBackoff high = new RestartBackoff(POLICY, () -> -1L);
        assertThat(millis(high)).isEqualTo(1000);
        RestartBackoff seeded = new RestartBackoff(POLICY, new SplittableRandom(42));
        for (int i = 1; i <= 20; i++) {
            long nominal = i >= 6 ? 300_000 : Math.min(10_000, 1000L << (i - 1));
            assertThat(millis(seeded)).isBetween(nominal * 3 / 4, nominal);
        }
    }

    @Test
    void manyFailuresDoNotOverflow() {
        BackoffPolicy neverDamped = new BackoffPolicy(
                Duration.ofSeconds(1), Duration.ofSeconds(10), Integer.MAX_VALUE, Duration.ofMinutes(5), Duration.ZERO);
        RestartBackoff b = new RestartBackoff(neverDamped, () -> 0L);
        for (int i = 0; i < 100; i++) {
            b.nextDelay();
        }
        assertThat(millis(b)).isEqualTo(7500);
    }

    @Test
    void policyRefusesAPenaltyShorterThanTheCap() {
        assertThatThrownBy(() -> new BackoffPolicy(
                Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Duration.ofSeconds(5), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
