package dev.podbgp.daemon.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 8259 parser: one value, whitespace around it and nothing else. No comments, no
 * trailing commas, no single quotes, no leading zeros or {@code +}, no raw control characters in
 * strings, no NaN. The first error ends the parse with a {@link JsonException} naming what was
 * expected and the offset it was not found at. Containers nest at most {@link #MAX_DEPTH} deep, so
 * a hostile line cannot exhaust the stack, and a number is at most {@link #MAX_NUMBER_LENGTH} chars,
 * so it cannot make the parser spin (Jackson had the same limit).
 *
 * <p>Escaped surrogates are joined into one character when they pair; an unpaired one is kept as
 * it is (RFC 8259 §8.2 allows it in the grammar, and dropping it would change the text), and
 * {@link JsonWriter} escapes it again on the way out.
 */
public final class JsonParser {
    /** Deeper than any document the daemon reads (ip -j nests 4), far below the stack's limit. */
    public static final int MAX_DEPTH = 256;

    /**
     * The longest number literal read, in chars (RFC 8259 §9 lets a parser limit precision): BigDecimal reads
     * a literal in time quadratic in its length, and nothing the daemon reads has a number of more than 20 digits.
     */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private final String text;
    private final int maxDepth;
    private int pos;
    private int depth;

    private JsonParser(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    public static JsonValue parse(String text) {
        return parse(text, MAX_DEPTH);
    }

    public static JsonValue parse(String text, int maxDepth) {
        JsonParser p = new JsonParser(text, maxDepth);
        p.skipWhitespace();
        JsonValue v = p.value();
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe() + " after the value");
        }
        return v;
    }

    /** A document that must be an object (a control request, a CNI result). */
    public static JsonObject parseObject(String text) {
        JsonValue v = parse(text);
        return v.asObject().orElseThrow(() -> new JsonException("expected a JSON object, not " + kind(v), 0));
    }

    private JsonValue value() {
        if (pos >= text.length()) {
            throw error("expected a value, found the end of the input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new JsonString(string());
            case 't' -> literal("true", JsonBoolean.TRUE);
            case 'f' -> literal("false", JsonBoolean.FALSE);
            case 'n' -> literal("null", JsonNull.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a value, found " + describe());
            }
        };
    }

    private JsonObject object() {
        enter();
        pos++; // '{'
        JsonObject.Builder b = JsonObject.builder();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return b.build();
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a member name (a string), found " + describe());
            }
            String name = string();
            skipWhitespace();
            expect(':', "after a member name");
            skipWhitespace();
            b.put(name, value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return b.build();
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object, found " + describe());
            }
            skipWhitespace();
        }
    }

    private JsonArray array() {
        enter();
        pos++; // '['
        List<JsonValue> values = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return JsonArray.EMPTY;
        }
        while (true) {
            values.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return new JsonArray(values);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array, found " + describe());
            }
            skipWhitespace();
        }
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw error("nested deeper than " + maxDepth + " arrays and objects");
        }
    }

    private String string() {
        int start = ++pos; // past '"'
        // the common case, no escapes: one substring
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        // sized from what was read, not from the rest of the text: a line of many short escaped strings
        // would otherwise allocate quadratically
        StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + hex4(c) + " in a string (it must be escaped)");
            }
            if (c != '\\') {
                out.append(c);
                pos++;
                continue;
            }
            if (++pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append(hexEscape());
                    continue; // hexEscape moved past the digits
                }
                default -> {
                    pos--;
                    throw error("unknown escape \\" + printable(e) + " in a string");
                }
            }
            pos++;
        }
        throw error("unterminated string (opened at offset " + (start - 1) + ")");
    }

    /** The four hex digits of a backslash-u escape; leaves {@code pos} after them. */
    private char hexEscape() {
        int escape = pos - 1;
        pos++; // 'u'
        if (pos + 4 > text.length()) {
            pos = escape;
            throw error("\\u escape needs four hex digits");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0 || text.charAt(pos + i) > 'f') {
                pos = escape;
                throw error("\\u escape needs four hex digits");
            }
            v = v << 4 | d;
        }
        pos += 4;
        return (char) v;
    }

    private JsonNumber number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (!digits()) {
            throw error("expected a digit in a number, found " + describe());
        }
        boolean integer = true;
        if (peek() == '.') {
            pos++;
            integer = false;
            if (!digits()) {
                throw error("expected a digit after the decimal point, found " + describe());
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            integer = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("expected a digit in the exponent, found " + describe());
            }
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            pos = start;
            throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        String literal = text.substring(start, pos);
        if (integer && pos - start <= 18) {
            return JsonNumber.of(Long.parseLong(literal));
        }
        try {
            return JsonNumber.of(new BigDecimal(literal));
        } catch (NumberFormatException e) {
            // only an exponent beyond the int range gets here: the grammar was checked above
            pos = start;
            throw error("number out of range: " + (literal.length() > 40 ? literal.substring(0, 40) + "..." : literal));
        }
    }

    private boolean digits() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected a value, found " + describe());
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String where) {
        if (peek() != c) {
            throw error("expected '" + c + "' " + where + ", found " + describe());
        }
        pos++;
    }

    /** The char at {@code pos}, or NUL at the end (never valid where it is tested). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe() {
        return pos >= text.length() ? "the end of the input" : "'" + printable(text.charAt(pos)) + "'";
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? "U+" + hex4(c) : String.valueOf(c);
    }

    private static String hex4(char c) {
        return String.format("%04X", (int) c);
    }

    private JsonException error(String message) {
        return new JsonException(message, pos);
    }

    static String kind(JsonValue v) {
        return switch (v) {
            case JsonObject o -> "an object";
            case JsonArray a -> "an array";
            case JsonString s -> "a string";
            case JsonNumber n -> "a number";
            case JsonBoolean b -> "a boolean";
            case JsonNull n -> "null";
        };
    }
}
