package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ControlClient;
import dev.podbgp.daemon.control.ControlException;
import dev.podbgp.daemon.control.FibView;
import dev.podbgp.daemon.control.NeighborView;
import dev.podbgp.daemon.control.RouteView;
import dev.podbgp.daemon.control.ViewJson;
import dev.podbgp.daemon.json.JsonString;
import dev.podbgp.daemon.json.JsonValue;
import dev.podbgp.inet.Prefix;
import java.io.PrintWriter;
import java.util.Optional;

/** {@code podbgp show neighbors|routes|fib|config}: what the running daemon knows, as a table or JSON. */
final class ShowCommand {
    static final CliParameter PREFIX = CliParameter.optional("PREFIX", "an IPv4 or IPv6 prefix, e.g. 10.240.0.0/16");

    private ShowCommand() {}

    static CliCommand command() {
        return CliCommand.named("show", "Ask the running daemon what it knows: neighbors, routes, the FIB, its config.")
                .subcommands(neighbors(), routes(), fib(), config())
                .examples(
                        "  podbgp show neighbors",
                        "  podbgp show routes 10.240.0.0/16 -o json | jq '.[] | select(.best)'",
                        "  podbgp show fib",
                        "  podbgp show config")
                .group();
    }

    private static CliCommand.Builder view(String name, String summary) {
        return CliCommand.named(name, summary).options(SocketOption.OPTION, OutputOption.OPTION);
    }

    private static CliCommand neighbors() {
        return view("neighbors", "BGP sessions and their prefix counts.")
                .details("Per peer: address and AS, FSM state, time in that state, prefixes received,",
                        "accepted by import policy and advertised, and the last error.")
                .examples("  podbgp show neighbors -o json")
                .action((args, out, err) -> {
                    OutputOption.Format format = OutputOption.format(args);
                    var views = SocketOption.client(args).neighbors();
                    return print(out, format, ViewJson.toJson(views, NeighborView::toJson), ViewTables.neighbors(views));
                });
    }

    private static CliCommand routes() {
        return view("routes", "Paths in the RIB, and why the best one won.")
                .details("*> marks the best path; Reason names the best-path step that decided.",
                        "With PREFIX, only prefixes equal to or inside it.")
                .parameter(PREFIX)
                .examples("  podbgp show routes", "  podbgp show routes 10.240.2.0/24", "  podbgp show routes fd00:10:240::/48 -o json")
                .action((args, out, err) -> routes(args.word(PREFIX), OutputOption.format(args), SocketOption.client(args), out));
    }

    private static int routes(String prefix, OutputOption.Format format, ControlClient client, PrintWriter out)
            throws ControlException, UsageException {
        if (prefix != null) {
            try {
                Prefix.parse(prefix);
            } catch (IllegalArgumentException e) {
                throw new UsageException("not a prefix: " + prefix + " (" + e.getMessage() + ")");
            }
        }
        var views = client.routes(Optional.ofNullable(prefix));
        return print(out, format, ViewJson.toJson(views, RouteView::toJson), ViewTables.routes(views));
    }

    private static CliCommand fib() {
        return view("fib", "Routes podbgp installed in the kernel.")
                .details("podbgp marks its routes with its own protocol number; each row says whether the",
                        "kernel accepted the route. Compare with 'ip route show proto NUMBER'.")
                .examples("  podbgp show fib")
                .action((args, out, err) -> {
                    OutputOption.Format format = OutputOption.format(args);
                    var views = SocketOption.client(args).fib();
                    return print(out, format, ViewJson.toJson(views, FibView::toJson), ViewTables.fib(views));
                });
    }

    private static CliCommand config() {
        return view("config", "The configuration the daemon runs with (YAML, defaults filled in).")
                .examples("  podbgp show config > running.yaml")
                .action((args, out, err) -> {
                    OutputOption.Format format = OutputOption.format(args);
                    String text = SocketOption.client(args).config();
                    return print(out, format, new JsonString(text), text.endsWith("\n") ? text : text + "\n");
                });
    }

    private static int print(PrintWriter out, OutputOption.Format format, JsonValue json, String table) {
        out.print(format == OutputOption.Format.json ? ViewTables.json(json) : table);
        out.flush();
        return Main.EXIT_OK;
    }
}
