package dev.podbgp.daemon.log;

import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * The process-wide log threshold, format and destination. Starts from the system properties
 * {@code podbgp.log.level} (trace, debug, info, warning, error; default info) and
 * {@code podbgp.log.format} (keyvalue or json; default keyvalue); the daemon applies its
 * config's logging section with {@link #set} once the config is read.
 */
public final class LogSettings {
    private LogSettings() {}

    record Current(Level threshold, LogFormat format, PrintStream sink, Clock clock) {}

    private static volatile Current current = new Current(
            parseLevel(System.getProperty("podbgp.log.level", "info")),
            LogFormat.parse(System.getProperty("podbgp.log.format", "keyvalue")),
            System.err, Clock.systemUTC());

    public static void set(Level threshold, LogFormat format) {
        Current c = current;
        current = new Current(threshold, format, c.sink(), c.clock());
    }

    /** Tests capture the output; the daemon always writes to stderr (journald takes it from there). */
    public static void redirect(PrintStream sink, Clock clock) {
        Current c = current;
        current = new Current(c.threshold(), c.format(), sink, clock);
    }

    static Current current() {
        return current;
    }

    public static Level parseLevel(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARNING;
            case "error" -> Level.ERROR;
            case "off" -> Level.OFF;
            default -> throw new IllegalArgumentException("log level must be trace, debug, info, warning, error or off, not " + text);
        };
    }
}
