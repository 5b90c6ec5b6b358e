package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.exabgp.CommandLexer.Token;
import java.util.ArrayList;
import java.util.List;

/** Reads a command's words one by one and turns mistakes into {@link CommandError}s naming the word. */
final class Cursor {
    private final List<Token> tokens;
    private final int lineLength;
    private int index;

    Cursor(List<Token> tokens, int lineLength) {
        this.tokens = tokens;
        this.lineLength = lineLength;
    }

    boolean atEnd() {
        return index >= tokens.size();
    }

    /** The next word without taking it, or {@code ""} at the end of the line. */
    String peek() {
        return atEnd() ? "" : tokens.get(index).text();
    }

    /** Takes the next word; at the end of the line, fails saying what {@code expected} was wanted. */
    Token next(String expected) {
        if (atEnd()) {
            throw new CommandSyntaxException(new CommandError(expected + ", but the line ended", "", lineLength));
        }
        return tokens.get(index++);
    }

    String nextText(String expected) {
        return next(expected).text();
    }

    /** The word just taken, for errors about it. */
    Token previous() {
        return tokens.get(index - 1);
    }

    /**
     * A value that is either one word or a bracketed list {@code [ a b c ]} (ExaBGP's form for
     * community, cluster-list and similar keywords). Returns the words inside.
     */
    List<Token> oneOrList(String expected) {
        Token first = next(expected);
        if (!first.text().equals("[")) {
            if (first.text().equals("]")) {
                throw fail(first, expected + ", not ']'");
            }
            return List.of(first);
        }
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = next("']' closing the list opened at column " + (first.column() + 1));
            if (t.text().equals("]")) {
                return out;
            }
            if (t.text().equals("[")) {
                throw fail(t, "lists do not nest here");
            }
            out.add(t);
        }
    }

    static CommandSyntaxException fail(Token token, String message) {
        return new CommandSyntaxException(new CommandError(message, token.text(), token.column()));
    }
}
