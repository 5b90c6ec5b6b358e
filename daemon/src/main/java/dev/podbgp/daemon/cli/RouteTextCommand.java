package dev.podbgp.daemon.cli;

import dev.podbgp.bgp.exabgp.CommandParser;
import dev.podbgp.bgp.exabgp.ParseResult;
import dev.podbgp.daemon.control.ControlException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code announce ...} and {@code withdraw ...}: the words after the command are an ExaBGP text
 * command. It is parsed here first, so a typo is a usage error (exit 2) with the column it is
 * at, before the daemon sees it; the daemon parses it again with the same parser.
 */
final class RouteTextCommand {
    static final CliParameter WORDS = CliParameter.oneOrMore("WORD",
            "the rest of an ExaBGP command, e.g. route 10.0.0.0/24 next-hop self community [65000:1]");

    private RouteTextCommand() {}

    /** The command {@code verb} (announce, withdraw) with its help; the caller adds details and examples. */
    static CliCommand.Builder named(String verb, String summary) {
        return CliCommand.named(verb, summary).options(SocketOption.OPTION).parameter(WORDS);
    }

    static CliAction sending(String verb) {
        return (args, out, err) -> send(verb, args.words(WORDS), args, out);
    }

    private static int send(String verb, List<String> words, ParsedArgs args, PrintWriter out)
            throws ControlException, UsageException {
        String text = verb + " " + String.join(" ", words);
        if (CommandParser.parse(text) instanceof ParseResult.Refused r) {
            throw new UsageException("cannot parse '" + text + "': " + r.error()
                    + "\n  " + text + "\n  " + " ".repeat(Math.max(0, r.error().column())) + "^");
        }
        out.println(SocketOption.client(args).routeCommand(text));
        return Main.EXIT_OK;
    }
}
