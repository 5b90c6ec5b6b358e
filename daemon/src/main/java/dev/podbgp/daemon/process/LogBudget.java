package dev.podbgp.daemon.process;

import java.time.Clock;
import java.time.Duration;

/**
 * At most {@code perWindow} log lines of one kind per window: a helper that prints garbage in a loop must not fill
 * the disk. What was held back is counted and reported with the next line let through.
 */
final class LogBudget {
    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private long windowStart;
    private int used;
    private long suppressed;

    LogBudget(int perWindow, Duration window, Clock clock) {
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
        this.windowStart = clock.millis();
    }

    /** -1 when this line must be held back; otherwise how many were held back before it (and are now reported). */
    synchronized long take() {
        long now = clock.millis();
        if (now - windowStart >= window.toMillis()) {
            windowStart = now;
            used = 0;
        }
        if (used >= perWindow) {
            suppressed++;
            return -1;
        }
        used++;
        long held = suppressed;
        suppressed = 0;
        return held;
    }
}
