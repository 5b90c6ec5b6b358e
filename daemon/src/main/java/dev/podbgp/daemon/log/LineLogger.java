package dev.podbgp.daemon.log;

import dev.podbgp.log.LogEvent;
import dev.podbgp.log.LogField;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * A {@link System.Logger} that writes through {@link LogLine}; the threshold is read on every call.
 * A {@link LogEvent} (podbgp's own code) arrives whole and is written field by field; a plain
 * message (code that logs strings: libraries, the JDK) becomes one {@code msg} field, never parsed.
 * Called from any thread; holds nothing but its name.
 */
final class LineLogger implements System.Logger {
    private final String name;

    LineLogger(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        Level threshold = LogSettings.current().threshold();
        return level != Level.OFF && threshold != Level.OFF && level.getSeverity() >= threshold.getSeverity();
    }

    /** The way {@link LogEvent#log()} comes in: the event as the supplier, its throwable beside it. */
    @Override
    public void log(Level level, Supplier<String> message, Throwable thrown) {
        if (isLoggable(level)) {
            if (message instanceof LogEvent event) {
                write(level, fields(event), event.thrown());
            } else {
                write(level, msg(message.get()), thrown);
            }
        }
    }

    @Override
    public void log(Level level, Object message) {
        if (message instanceof LogEvent event) {
            log(level, event, event.thrown());
        } else {
            System.Logger.super.log(level, message);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, msg(msg), thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            write(level, msg(params == null || params.length == 0 ? format : MessageFormat.format(format, params)), null);
        }
    }

    private static List<LogField> fields(LogEvent event) {
        List<LogField> fields = new ArrayList<>(event.fields().size() + 1);
        fields.add(new LogField("event", event.event()));
        fields.addAll(event.fields());
        return fields;
    }

    private static List<LogField> msg(String message) {
        return message == null || message.isEmpty() ? List.of() : List.of(new LogField("msg", message));
    }

    private void write(Level level, List<LogField> fields, Throwable thrown) {
        LogSettings.Current s = LogSettings.current();
        String line = LogLine.format(s.format(), s.clock().instant(), level, name, fields, thrown);
        // println on a PrintStream is synchronized: lines from different threads never interleave.
        s.sink().println(line);
    }
}
