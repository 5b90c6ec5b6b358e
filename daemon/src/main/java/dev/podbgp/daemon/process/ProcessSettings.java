package dev.podbgp.daemon.process;

import java.time.Duration;

/**
 * The limits of the process API, fixed by the daemon; tests shorten the times.
 *
 * @param maxLineLength     longest command line read; ExaBGP has no limit, but a helper must not grow the heap
 * @param queuedEvents      events waiting for a helper to read them before new ones are dropped
 * @param logLinesPerMinute refused commands and stderr lines logged per helper per minute, each
 * @param shutdownLineGrace how long a helper has to read the shutdown line before SIGTERM (ExaBGP waits 0.1 s)
 * @param stopGrace         how long after SIGTERM before SIGKILL
 */
public record ProcessSettings(int maxLineLength, int queuedEvents, int logLinesPerMinute, Duration shutdownLineGrace,
                              Duration stopGrace, RestartBackoff backoff, EventOrigin origin) {

    public static ProcessSettings defaults() {
        return new ProcessSettings(64 * 1024, 10_000, 20, Duration.ofMillis(100), Duration.ofSeconds(5),
                RestartBackoff.DEFAULT, EventOrigin.ofThisProcess());
    }

    public ProcessSettings withBackoff(RestartBackoff b) {
        return new ProcessSettings(maxLineLength, queuedEvents, logLinesPerMinute, shutdownLineGrace, stopGrace, b,
                origin);
    }

    public ProcessSettings withStopGrace(Duration grace) {
        return new ProcessSettings(maxLineLength, queuedEvents, logLinesPerMinute, shutdownLineGrace, grace, backoff,
                origin);
    }

    public ProcessSettings withMaxLineLength(int length) {
        return new ProcessSettings(length, queuedEvents, logLinesPerMinute, shutdownLineGrace, stopGrace, backoff,
                origin);
    }
}
