package dev.podbgp.daemon.json;

/**
 * Input that is not the JSON expected: a syntax error, with the offset (in chars) where the parser
 * stopped, or a well-formed document without a member or of another type than a reader needs
 * (offset -1).
 */
public final class JsonException extends RuntimeException {
    private final int offset;

    public JsonException(String message, int offset) {
        super(offset >= 0 ? message + " at offset " + offset : message);
        this.offset = offset;
    }

    public JsonException(String message) {
        this(message, -1);
    }

    /** Where in the text the parser stopped, or -1 for an error that is not about syntax. */
    public int offset() {
        return offset;
    }
}
