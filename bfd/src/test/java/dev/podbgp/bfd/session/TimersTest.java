package dev.podbgp.bfd.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.SessionOrder.StartTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadlines a session keeps so that the driver's timers can be sloppy. */
class TimersTest {

    final FakeNanoClock clock = new FakeNanoClock();
    final Timers timers = new Timers(clock);
    final List<SessionAction> out = new ArrayList<>();

    @Test
    void startOrdersATimer() {
        timers.start(TimerKind.DETECTION, Duration.ofMillis(150), out);
        assertThat(out).containsExactly(new StartTimer(TimerKind.DETECTION, Duration.ofMillis(150)));
        assertThat(timers.running(TimerKind.DETECTION)).isTrue();
    }

    @Test
    void restartLater_ordersNothingAndTheEarlyFiringReArms() {
        timers.start(TimerKind.DETECTION, Duration.ofMillis(150), out);
        out.clear();
        clock.advanceMillis(100);
        timers.restart(TimerKind.DETECTION, Duration.ofMillis(150), out);
        assertThat(out).isEmpty();
        clock.advanceMillis(50);
        assertThat(timers.expired(TimerKind.DETECTION, out)).isFalse();
        assertThat(out).containsExactly(new StartTimer(TimerKind.DETECTION, Duration.ofMillis(100)));
        clock.advanceMillis(100);
        assertThat(timers.expired(TimerKind.DETECTION, out)).isTrue();
        assertThat(timers.running(TimerKind.DETECTION)).isFalse();
    }

    @Test
    void restartEarlier_ordersANewTimer() {
        timers.start(TimerKind.DETECTION, Duration.ofSeconds(1), out);
        out.clear();
        timers.restart(TimerKind.DETECTION, Duration.ofMillis(100), out);
        assertThat(out).containsExactly(new StartTimer(TimerKind.DETECTION, Duration.ofMillis(100)));
    }

    @Test
    void atMost_neverMovesADeadlineLater() {
        timers.start(TimerKind.TRANSMIT, Duration.ofMillis(100), out);
        out.clear();
        timers.atMost(TimerKind.TRANSMIT, Duration.ofMillis(200), out);
        assertThat(out).isEmpty();
        timers.atMost(TimerKind.TRANSMIT, Duration.ofMillis(20), out);
        assertThat(out).containsExactly(new StartTimer(TimerKind.TRANSMIT, Duration.ofMillis(20)));
    }

    @Test
    void firingOfATimerNotRunningIsDropped() {
        assertThat(timers.expired(TimerKind.TRANSMIT, out)).isFalse();
        assertThat(out).isEmpty();
    }

    @Test
    void deadlinesSurviveTheNanoTimeWrap() {
        // The fake clock starts 30 s before Long.MAX_VALUE; this deadline is past the wrap.
        timers.start(TimerKind.DETECTION, Duration.ofSeconds(40), out);
        clock.advance(Duration.ofSeconds(39));
        assertThat(timers.expired(TimerKind.DETECTION, out)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(timers.expired(TimerKind.DETECTION, out)).isTrue();
    }
}
