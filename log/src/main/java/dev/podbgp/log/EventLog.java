package dev.podbgp.log;

import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The log of one component ({@code podbgp.daemon}, {@code podbgp.peer}, ...): starts the events
 * it writes. Immutable, so one static instance serves every thread.
 *
 * <pre>{@code
 * private static final EventLog LOG = EventLog.named("podbgp.fib");
 * LOG.warn("route-failed").with("prefix", prefix).with("error", reason).log();
 * }</pre>
 *
 * A level that is not enabled gets the shared disabled event: nothing is allocated and no value
 * is turned into a string (mind that an argument computed at the call site still is).
 */
public final class EventLog {
    private final System.Logger logger;

    private EventLog(System.Logger logger) {
        this.logger = logger;
    }

    /** Wraps {@code System.getLogger(loggerName)}: whichever {@link System.LoggerFinder} the process has writes the lines. */
    public static EventLog named(String loggerName) {
        return new EventLog(System.getLogger(loggerName));
    }

    public LogEvent debug(String event) {
        return at(Level.DEBUG, event);
    }

    public LogEvent info(String event) {
        return at(Level.INFO, event);
    }

    public LogEvent warn(String event) {
        return at(Level.WARNING, event);
    }

    public LogEvent error(String event) {
        return at(Level.ERROR, event);
    }

    /** A new event named {@code event} (a short kebab-case word) at {@code level}, or the disabled one. */
    public LogEvent at(Level level, String event) {
        Objects.requireNonNull(event, "event");
        return logger.isLoggable(level) ? new LogEvent(logger, level, event) : LogEvent.DISABLED;
    }

    /** For work done only to be logged, beyond what {@link LogEvent#with} already skips. */
    public boolean enabled(Level level) {
        return logger.isLoggable(level);
    }
}
