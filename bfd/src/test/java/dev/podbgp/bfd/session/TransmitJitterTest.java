package dev.podbgp.bfd.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.8.7: 75–100% of the interval, 75–90% with Detect Mult 1. */
class TransmitJitterTest {

    static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void rfc5880_s6_8_7_boundsAreTheFullIntervalAndThreeQuarters() {
        assertThat(new TransmitJitter(SessionFixture.NO_JITTER).next(SECOND, 3)).isEqualTo(SECOND);
        Duration most = new TransmitJitter(SessionFixture.MOST_JITTER).next(SECOND, 3);
        assertThat(most).isBetween(Duration.ofMillis(750), Duration.ofNanos(750_000_001));
    }

    @Test
    void rfc5880_s6_8_7_detectMultOne_neverMoreThan90Percent() {
        assertThat(new TransmitJitter(SessionFixture.NO_JITTER).next(SECOND, 1)).isEqualTo(Duration.ofMillis(900));
        assertThat(new TransmitJitter(SessionFixture.MOST_JITTER).next(SECOND, 1))
                .isBetween(Duration.ofMillis(750), Duration.ofNanos(750_000_001));
    }

    @Test
    void rfc5880_s6_8_7_randomDrawsStayInsideAndSpreadOverTheWholeRange() {
        TransmitJitter jitter = new TransmitJitter(new SplittableRandom(5880));
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (int i = 0; i < 10_000; i++) {
            long nanos = jitter.next(SECOND, 3).toNanos();
            lowest = Math.min(lowest, nanos);
            highest = Math.max(highest, nanos);
        }
        assertThat(lowest).isGreaterThanOrEqualTo(750_000_000).isLessThan(760_000_000);
        assertThat(highest).isLessThanOrEqualTo(1_000_000_000).isGreaterThan(990_000_000);
    }

    @Test
    void rfc5880_s6_8_7_randomDrawsWithDetectMultOne() {
        TransmitJitter jitter = new TransmitJitter(new SplittableRandom(5881));
        for (int i = 0; i < 10_000; i++) {
            assertThat(jitter.next(SECOND, 1).toNanos()).isBetween(750_000_000L, 900_000_000L);
        }
    }
}
