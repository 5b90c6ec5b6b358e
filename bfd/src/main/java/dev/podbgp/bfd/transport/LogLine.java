package dev.podbgp.bfd.transport;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * One line of the transport's log, {@code event key=value ...}, built from fields here and
 * nowhere else. A value with a space or a quote is quoted. A level that is off gets the shared
 * disabled line, which builds nothing.
 */
final class LogLine {

    private static final Logger LOGGER = System.getLogger("podbgp.bfd");
    private static final LogLine DISABLED = new LogLine(Level.OFF, null);

    private final Level level;
    private final StringBuilder text;

    private LogLine(Level level, StringBuilder text) {
        this.level = level;
        this.text = text;
    }

    static LogLine debug(String event) {
        return at(Level.DEBUG, event);
    }

    static LogLine info(String event) {
        return at(Level.INFO, event);
    }

    static LogLine warn(String event) {
        return at(Level.WARNING, event);
    }

    private static LogLine at(Level level, String event) {
        return LOGGER.isLoggable(level) ? new LogLine(level, new StringBuilder(event)) : DISABLED;
    }

    LogLine with(String key, Object value) {
        if (text != null) {
            String v = String.valueOf(value);
            text.append(' ').append(key).append('=');
            if (v.isEmpty() || v.indexOf(' ') >= 0 || v.indexOf('"') >= 0) {
                text.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                text.append(v);
            }
        }
        return this;
    }

    void log() {
        if (text != null) {
            LOGGER.log(level, text.toString());
        }
    }
}
