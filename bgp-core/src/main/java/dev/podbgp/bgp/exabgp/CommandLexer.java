package dev.podbgp.bgp.exabgp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way ExaBGP 4.2 does for its API: ExaBGP first pads
 * {@code [ ] ( ) ,} with spaces (so {@code [65001} is two words), then splits on white space,
 * keeps quoted text as one word and ends the statement at {@code ;}. A {@code #} starts a
 * comment. Braces open configuration blocks in ExaBGP's grammar and make no sense in one
 * command, so they are refused here rather than half-parsed.
 */
final class CommandLexer {
    private CommandLexer() {}

    /** One word and where it starts in the line (0-based). */
    record Token(String text, int column) {}

    static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '[' || c == ']' || c == '(' || c == ')' || c == ',') {
                out.add(new Token(String.valueOf(c), i));
                i++;
            } else if (c == ';') {
                if (!line.substring(i + 1).isBlank() && line.substring(i + 1).strip().charAt(0) != '#') {
                    throw error("';' ends a command; one line holds one command", ";", i);
                }
                break;
            } else if (c == '{' || c == '}') {
                throw error("'" + c + "' opens or closes a configuration block, which a command cannot contain",
                        String.valueOf(c), i);
            } else if (c == '"' || c == '\'') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    throw error("quoted text is not closed", line.substring(i), i);
                }
                out.add(new Token(line.substring(i + 1, end), i));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !isBreak(line.charAt(i))) {
                    i++;
                }
                out.add(new Token(line.substring(start, i), start));
            }
        }
        return out;
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || "[](),;{}#\"'".indexOf(c) >= 0;
    }

    private static CommandSyntaxException error(String message, String token, int column) {
        return new CommandSyntaxException(new CommandError(message, token, column));
    }
}
