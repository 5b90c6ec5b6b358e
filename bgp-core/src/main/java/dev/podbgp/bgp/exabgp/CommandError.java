package dev.podbgp.bgp.exabgp;

/**
 * Why a command was refused: ExaBGP answers only {@code error}; podbgp also says which word
 * was wrong and what it expected, so an operator can fix the line.
 *
 * @param message what was wrong and what was expected
 * @param token   the offending word as written, or {@code ""} when the line ended too early
 * @param column  0-based position of that word in the line (the line length at end of line)
 */
public record CommandError(String message, String token, int column) {

    @Override
    public String toString() {
        return token.isEmpty() ? message + " (at end of line)" : message + " (at column " + (column + 1) + ", '" + token + "')";
    }
}
