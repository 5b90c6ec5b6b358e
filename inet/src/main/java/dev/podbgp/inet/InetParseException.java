package dev.podbgp.inet;

/**
 * Text that is not a valid address or prefix. The message quotes the input and says what
 * is wrong with it, so a config loader can put it next to the file, line and field.
 */
public final class InetParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InetParseException(String input, String problem) {
        super("'" + input + "' " + problem);
    }
}
