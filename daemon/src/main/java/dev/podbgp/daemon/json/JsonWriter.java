package dev.podbgp.daemon.json;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes values in one of two fixed layouts, so equal trees built the same way give equal bytes
 * (the CNI conflist is compared byte for byte before it is rewritten).
 *
 * <ul>
 *   <li>compact: no whitespace at all, one line: the control socket and JSON log lines.</li>
 *   <li>pretty: two-space indents, {@code "name": value}, every member and every array element on a
 *   line of its own, {@code '\n'} whatever the platform: the conflist and {@code -o json}.
 *   Empty containers are {@code {}} and {@code []}.</li>
 * </ul>
 * Strings escape {@code "}, {@code \}, the control characters (short forms where JSON has them,
 * {@code \}{@code u00XX} otherwise) and unpaired surrogates, which have no UTF-8 form; everything
 * else is written as it is, so the output of a valid string is UTF-8 text a reader gives back unchanged.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    public static String compact(JsonValue value) {
        JsonWriter w = new JsonWriter(false);
        w.value(value, 0);
        return w.out.toString();
    }

    /** The pretty layout, without a final newline. */
    public static String pretty(JsonValue value) {
        JsonWriter w = new JsonWriter(true);
        w.value(value, 0);
        return w.out.toString();
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2);
        appendString(sb, text);
        return sb.toString();
    }

    private void value(JsonValue value, int indent) {
        switch (value) {
            case JsonObject o -> object(o, indent);
            case JsonArray a -> array(a, indent);
            case JsonString(String s) -> appendString(out, s);
            case JsonNumber n -> out.append(n.decimal().toString());
            case JsonBoolean b -> out.append(b.value() ? "true" : "false");
            case JsonNull n -> out.append("null");
        }
    }

    private void object(JsonObject o, int indent) {
        Iterator<Map.Entry<String, JsonValue>> it = o.members().entrySet().iterator();
        if (!it.hasNext()) {
            out.append("{}");
            return;
        }
        out.append('{');
        while (it.hasNext()) {
            Map.Entry<String, JsonValue> e = it.next();
            newline(indent + 1);
            appendString(out, e.getKey());
            out.append(pretty ? ": " : ":");
            value(e.getValue(), indent + 1);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        newline(indent);
        out.append('}');
    }

    private void array(JsonArray a, int indent) {
        if (a.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < a.size(); i++) {
            newline(indent + 1);
            value(a.values().get(i), indent + 1);
            if (i < a.size() - 1) {
                out.append(',');
            }
        }
        newline(indent);
        out.append(']');
    }

    private void newline(int indent) {
        if (pretty) {
            out.append('\n');
            out.repeat("  ", indent);
        }
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String shortForm = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> null;
            };
            boolean escape = shortForm != null || c < 0x20 || (Character.isSurrogate(c) && !paired(s, i));
            if (!escape) {
                if (Character.isHighSurrogate(c)) {
                    i++; // the pair goes out as it is
                }
                continue;
            }
            sb.append(s, plainFrom, i);
            if (shortForm != null) {
                sb.append(shortForm);
            } else {
                sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                        .append(HEX[c & 0xf]);
            }
            plainFrom = i + 1;
        }
        sb.append(s, plainFrom, s.length()).append('"');
    }

    /** Whether the surrogate at {@code i} is half of a well-formed pair. */
    private static boolean paired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
