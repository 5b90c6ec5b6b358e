package dev.podbgp.bgp.wire;

/**
 * A small streaming JSON writer for the ExaBGP formats: objects, arrays, strings, numbers.
 * Spacing follows ExaBGP's output ({@code { "key": value, ... }}) so logs read alike, but
 * consumers must compare parsed JSON, never text.
 */
public final class JsonOut {
    private final StringBuilder sb;
    private long firstFlags = 1; // bit d set: the next element at depth d is the first
    private int depth;
    private boolean afterName;

    public JsonOut() {
        this(new StringBuilder(256));
    }

    public JsonOut(StringBuilder sb) {
        this.sb = sb;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if ((firstFlags & 1L << depth) == 0) {
                sb.append(", ");
            } else {
                sb.append(' ');
            }
            firstFlags &= ~(1L << depth);
        }
    }

    public JsonOut beginObject() {
        beforeValue();
        sb.append('{');
        depth++;
        firstFlags |= 1L << depth;
        return this;
    }

    public JsonOut endObject() {
        boolean empty = (firstFlags & 1L << depth) != 0;
        depth--;
        sb.append(empty ? "}" : " }");
        return this;
    }

    public JsonOut beginArray() {
        beforeValue();
        sb.append('[');
        depth++;
        firstFlags |= 1L << depth;
        return this;
    }

    public JsonOut endArray() {
        boolean empty = (firstFlags & 1L << depth) != 0;
        depth--;
        sb.append(empty ? "]" : " ]");
        return this;
    }

    public JsonOut name(String name) {
        beforeValue();
        string(name);
        sb.append(": ");
        afterName = true;
        return this;
    }

    public JsonOut value(String s) {
        beforeValue();
        string(s);
        return this;
    }

    public JsonOut value(long n) {
        beforeValue();
        sb.append(n);
        return this;
    }

    public JsonOut value(boolean b) {
        beforeValue();
        sb.append(b);
        return this;
    }

    /** A pre-rendered JSON token (a number with a fraction, {@code null}). */
    public JsonOut raw(String token) {
        beforeValue();
        sb.append(token);
        return this;
    }

    public JsonOut field(String name, String s) {
        return name(name).value(s);
    }

    public JsonOut field(String name, long n) {
        return name(name).value(n);
    }

    public JsonOut field(String name, boolean b) {
        return name(name).value(b);
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
