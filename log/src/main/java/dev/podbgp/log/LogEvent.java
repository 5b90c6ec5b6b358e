package dev.podbgp.log;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * One log line being built: an event name, then fields in the order they were added (a key
 * given twice is written twice; the JSON renderer keeps the last). Built and logged by the
 * thread that started it, never shared; the one {@link #DISABLED} event, which every method
 * leaves as it is, is what a level that is off hands out to all threads.
 *
 * <p>{@link #log()} hands the event itself to the {@link System.Logger}, as the message
 * supplier with the throwable beside it: podbgp's renderer recognises it and writes its fields
 * as they are; any other logger (java.util.logging in tests and the benchmarks) takes
 * {@link #toString()} as the message and prints the throwable its own way.
 */
public final class LogEvent implements Supplier<String> {
    static final LogEvent DISABLED = new LogEvent(null, Level.OFF, "");

    /** Null only for {@link #DISABLED}. */
    private final System.Logger logger;
    private final Level level;
    private final String event;
    private final List<LogField> fields;
    private Throwable thrown;

    LogEvent(System.Logger logger, Level level, String event) {
        this.logger = logger;
        this.level = level;
        this.event = event;
        this.fields = logger == null ? List.of() : new ArrayList<>(6);
    }

    /**
     * Adds {@code key=value}: addresses in RFC 5952 form, a collection as {@code "[a, b]"} (always
     * quoted), anything else as {@code String.valueOf(value)}; a null value is an empty string.
     */
    public LogEvent with(String key, Object value) {
        if (logger != null) {
            fields.add(new LogField(key, LogValue.text(value), LogValue.alwaysQuoted(value)));
        }
        return this;
    }

    public LogEvent with(String key, long value) {
        if (logger != null) {
            fields.add(new LogField(key, Long.toString(value)));
        }
        return this;
    }

    /** Adds fields made elsewhere (a summary several places show), in their order. */
    public LogEvent with(List<LogField> more) {
        if (logger != null) {
            fields.addAll(more);
        }
        return this;
    }

    /**
     * An unexpected failure (a bug, never a peer's or the network's error, which are fields):
     * the renderer adds {@code error} and its {@code stack}.
     */
    public LogEvent thrown(Throwable unexpected) {
        if (logger != null) {
            thrown = unexpected;
        }
        return this;
    }

    public void log() {
        if (logger != null) {
            logger.log(level, this, thrown);
        }
    }

    public String event() {
        return event;
    }

    public Level level() {
        return level;
    }

    /** The fields after the event name, in order. */
    public List<LogField> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The unexpected failure, or null. */
    public Throwable thrown() {
        return thrown;
    }

    /** The line as a logger that does not know events shows it: {@link #toString()}. */
    @Override
    public String get() {
        return toString();
    }

    /** {@code event=NAME key=value ...}, values quoted and escaped by {@link Logfmt}; without the throwable. */
    @Override
    public String toString() {
        StringBuilder out = Logfmt.append(new StringBuilder(), "event", event);
        for (LogField f : fields) {
            Logfmt.append(out.append(' '), f);
        }
        return out.toString();
    }
}
