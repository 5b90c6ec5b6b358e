package dev.podbgp.bfd.transport;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a published value to meet a condition: what a test does instead of sleeping. */
final class Eventually {

    private static final long POLL_NANOS = 5_000_000;

    private Eventually() {}

    static <T> T await(String what, Duration within, Supplier<T> value, Predicate<? super T> condition) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                return fail(what + " within " + within + "; last seen: " + last);
            }
            LockSupport.parkNanos(POLL_NANOS);
            last = value.get();
        }
        return last;
    }
}
