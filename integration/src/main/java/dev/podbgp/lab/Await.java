package dev.podbgp.lab;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: every wait in the lab ends, and when it fails it says what it saw. */
public final class Await {
    private static final long POLL_MS = 100;

    private Await() {}

    /**
     * Polls {@code done} until it is true or {@code timeout} passes; on timeout throws an
     * {@link AssertionError} whose message is {@code what} plus {@code diagnostics} (peer state,
     * log tails), so a failed lab test explains itself.
     */
    public static void until(String what, Duration timeout, BooleanSupplier done, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (done.getAsBoolean()) {
                    return;
                }
                last = null;
            } catch (RuntimeException e) {
                // A CLI that answers nothing useful yet (daemon still starting) is retried.
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for "
                        + what + "\n" + diagnostics.get());
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            sleep(POLL_MS);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
