package dev.podbgp.daemon.cli;

import dev.podbgp.bgp.exabgp.CommandParser;
import dev.podbgp.bgp.exabgp.ParseResult;
import dev.podbgp.daemon.control.ControlException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code announce ...} and {@code withdraw ...}: the words after the command are an ExaBGP text
 * command. It is parsed here first, so a typo is a usage error (exit 2) with the column it is
 * at, before the daemon sees it; the daemon parses it again with the same parser.
 */
abstract class RouteTextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SocketOption socket;

    @Parameters(arity = "1..*", paramLabel = "WORD",
            description = "the rest of an ExaBGP command, e.g. route 10.0.0.0/24 next-hop self community [65000:1]")
    List<String> words;

    abstract String verb();

    @Override
    public Integer call() throws ControlException, UsageException {
        String text = verb() + " " + String.join(" ", words);
        if (CommandParser.parse(text) instanceof ParseResult.Refused r) {
            throw new UsageException("cannot parse '" + text + "': " + r.error()
                    + "\n  " + text + "\n  " + " ".repeat(Math.max(0, r.error().column())) + "^");
        }
        spec.commandLine().getOut().println(socket.client().routeCommand(text));
        return Main.EXIT_OK;
    }
}
