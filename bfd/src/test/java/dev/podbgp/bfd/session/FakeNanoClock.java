package dev.podbgp.bfd.session;

import java.time.Duration;

/**
 * A clock that moves only when a test says so. It starts just short of {@code Long.MAX_VALUE} so
 * every test also proves the deadlines survive nanoTime wrapping around.
 */
final class FakeNanoClock implements NanoClock {

    private long now = Long.MAX_VALUE - Duration.ofSeconds(30).toNanos();

    @Override
    public long nanoTime() {
        return now;
    }

    void advance(Duration d) {
        now += d.toNanos();
    }

    void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Moves to {@code reading}, which must not be in the past. */
    void setTo(long reading) {
        if (reading - now < 0) {
            throw new IllegalArgumentException("the clock does not go back");
        }
        now = reading;
    }
}
