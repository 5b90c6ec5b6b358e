package dev.podbgp.daemon.log;

import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.log.LogField;
import dev.podbgp.log.Logfmt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders one event as one line. The fixed fields come first ({@code ts}, {@code level},
 * {@code logger}), then the event's own fields in their order. A throwable adds {@code error}
 * and, for unexpected ones, {@code stack} with its newlines escaped, so a line is still one line.
 */
public final class LogLine {
    private LogLine() {}

    public static String format(LogFormat format, Instant ts, Level level, String logger, List<LogField> fields,
            Throwable thrown) {
        List<LogField> line = new ArrayList<>(fields.size() + 5);
        line.add(new LogField("ts", ts.toString()));
        line.add(new LogField("level", levelName(level)));
        line.add(new LogField("logger", logger));
        line.addAll(fields);
        if (thrown != null) {
            line.add(new LogField("error", thrown.toString()));
            StringWriter stack = new StringWriter();
            thrown.printStackTrace(new PrintWriter(stack));
            line.add(new LogField("stack", stack.toString().strip()));
        }
        return switch (format) {
            case KEY_VALUE -> keyValue(line);
            case JSON -> json(line);
        };
    }

    static String levelName(Level level) {
        return switch (level) {
            case WARNING -> "WARN";
            case ALL, OFF -> level.name();
            default -> level.getName();
        };
    }

    private static String keyValue(List<LogField> line) {
        StringBuilder out = new StringBuilder();
        for (LogField f : line) {
            Logfmt.append(out.isEmpty() ? out : out.append(' '), f);
        }
        return out.toString();
    }

    /** A key given twice keeps its last value: JSON objects with duplicate names are not portable. */
    private static String json(List<LogField> line) {
        JsonObject.Builder out = JsonObject.builder();
        for (LogField f : line) {
            out.put(f.key(), f.value());
        }
        return out.build().toJson();
    }
}
