package dev.podbgp.daemon.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a log message into key=value pairs. Values are bare words or double-quoted strings
 * with backslash escapes. Messages are written by hand across the code base, so the parser is
 * lenient: a quoted value ends at a quote followed by the end or by the next key= (an
 * unescaped quote inside a value survives), and words that are not key=value are collected, in order, into one
 * {@code msg} pair.
 */
public final class KeyValues {
    private KeyValues() {}

    public record Pair(String key, String value) {}

    public static List<Pair> parse(String message) {
        List<Pair> pairs = new ArrayList<>();
        StringBuilder loose = new StringBuilder();
        int i = 0;
        int n = message.length();
        while (i < n) {
            if (message.charAt(i) == ' ') {
                i++;
                continue;
            }
            int keyEnd = i;
            while (keyEnd < n && isKeyChar(message.charAt(keyEnd))) {
                keyEnd++;
            }
            if (keyEnd > i && keyEnd < n && message.charAt(keyEnd) == '=') {
                String key = message.substring(i, keyEnd);
                int start = keyEnd + 1;
                if (start < n && message.charAt(start) == '"') {
                    StringBuilder value = new StringBuilder();
                    i = quoted(message, start + 1, value);
                    pairs.add(new Pair(key, value.toString()));
                } else {
                    int end = message.indexOf(' ', start);
                    end = end < 0 ? n : end;
                    pairs.add(new Pair(key, message.substring(start, end)));
                    i = end;
                }
            } else {
                int end = message.indexOf(' ', i);
                end = end < 0 ? n : end;
                loose.append(loose.isEmpty() ? "" : " ").append(message, i, end);
                i = end;
            }
        }
        if (!loose.isEmpty()) {
            pairs.add(new Pair("msg", loose.toString()));
        }
        return pairs;
    }

    /** Reads a quoted value from just after the opening quote; returns the index after the closing one. */
    private static int quoted(String s, int i, StringBuilder value) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = s.charAt(i + 1);
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
                i += 2;
            } else if (c == '"' && closes(s, i + 1)) {
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        return n;
    }

    /** A quote closes the value when only blanks follow, or blanks and then the next key=. */
    private static boolean closes(String s, int i) {
        if (i < s.length() && s.charAt(i) != ' ') {
            return false;
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int key = i;
        while (i < s.length() && isKeyChar(s.charAt(i))) {
            i++;
        }
        return key == s.length() || i > key && i < s.length() && s.charAt(i) == '=';
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }

    /** A value as logfmt writes it: bare when it is one plain word, else quoted and escaped. */
    public static String quoteIfNeeded(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > ' ' && c != '"' && c != '=' && c != '\\' && c != 0x7f;
        }
        if (plain) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
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
        return out.append('"').toString();
    }
}
