package dev.podbgp.daemon.log;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders one event as one line. The fixed fields come first ({@code ts}, {@code level},
 * {@code logger}), then the message's own pairs in their order. A throwable adds {@code error}
 * and, for unexpected ones, {@code stack} with its newlines escaped, so a line is still one line.
 */
public final class LogLine {
    private LogLine() {}

    public static String format(LogFormat format, Instant ts, Level level, String logger, String message,
            Throwable thrown) {
        List<KeyValues.Pair> pairs = new java.util.ArrayList<>();
        pairs.add(new KeyValues.Pair("ts", ts.toString()));
        pairs.add(new KeyValues.Pair("level", levelName(level)));
        pairs.add(new KeyValues.Pair("logger", logger));
        pairs.addAll(KeyValues.parse(message == null ? "" : message));
        if (thrown != null) {
            pairs.add(new KeyValues.Pair("error", thrown.toString()));
            StringWriter stack = new StringWriter();
            thrown.printStackTrace(new PrintWriter(stack));
            pairs.add(new KeyValues.Pair("stack", stack.toString().strip()));
        }
        return switch (format) {
            case KEY_VALUE -> keyValue(pairs);
            case JSON -> json(pairs);
        };
    }

    static String levelName(Level level) {
        return switch (level) {
            case WARNING -> "WARN";
            case ALL, OFF -> level.name();
            default -> level.getName();
        };
    }

    private static String keyValue(List<KeyValues.Pair> pairs) {
        StringBuilder out = new StringBuilder();
        for (KeyValues.Pair p : pairs) {
            out.append(out.isEmpty() ? "" : " ").append(p.key()).append('=').append(KeyValues.quoteIfNeeded(p.value()));
        }
        return out.toString();
    }

    /** A key given twice keeps its last value: JSON objects with duplicate names are not portable. */
    private static String json(List<KeyValues.Pair> pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (KeyValues.Pair p : pairs) {
            fields.put(p.key(), p.value());
        }
        JsonStringEncoder enc = JsonStringEncoder.getInstance();
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            out.append(out.length() == 1 ? "" : ",").append('"').append(enc.quoteAsString(e.getKey())).append("\":\"")
                    .append(enc.quoteAsString(e.getValue())).append('"');
        }
        return out.append('}').toString();
    }
}
