package dev.podbgp.bfd.session;

/**
 * A monotonic clock in nanoseconds, injected so tests move time by hand. Monotonic rather than a
 * {@link java.time.InstantSource}: a wall clock stepped by NTP would fire or starve detection timers
 * of a few hundred milliseconds and take sessions down for nothing.
 */
@FunctionalInterface
public interface NanoClock {

    /** Nanoseconds from an arbitrary origin; only differences mean anything, as with {@link System#nanoTime()}. */
    long nanoTime();

    static NanoClock system() {
        return System::nanoTime;
    }
}
