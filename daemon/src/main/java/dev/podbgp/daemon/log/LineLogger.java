package dev.podbgp.daemon.log;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** A {@link System.Logger} that writes through {@link LogLine}; the threshold is read on every call. */
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

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, msg, thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
        }
    }

    private void write(Level level, String message, Throwable thrown) {
        LogSettings.Current s = LogSettings.current();
        String line = LogLine.format(s.format(), s.clock().instant(), level, name, message, thrown);
        // println on a PrintStream is synchronized: lines from different threads never interleave.
        s.sink().println(line);
    }
}
