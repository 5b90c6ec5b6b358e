package dev.podbgp.log;

/**
 * The key=value (logfmt) spelling of a field, the one place where values are quoted and escaped:
 * a value that is one plain word stays bare, any other is double-quoted with {@code "}, {@code \},
 * newline, carriage return and tab escaped by a backslash, so a line is always one line and a
 * reader can split it back into the same fields.
 */
public final class Logfmt {
    private Logfmt() {}

    /** Appends {@code key=value}, quoting the value when it needs it. */
    public static StringBuilder append(StringBuilder out, String key, String value) {
        return append(out, key, value, false);
    }

    /** Appends the field, quoting its value when it needs it or when the field asks for quotes. */
    public static StringBuilder append(StringBuilder out, LogField field) {
        return append(out, field.key(), field.value(), field.quoted());
    }

    private static StringBuilder append(StringBuilder out, String key, String value, boolean quoted) {
        out.append(key).append('=');
        if (!quoted && isPlain(value)) {
            return out.append(value);
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"');
    }

    /** Empty, blanks, control characters, quotes, '=' and '\' would make the line ambiguous. */
    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
                return false;
            }
        }
        return !value.isEmpty();
    }
}
