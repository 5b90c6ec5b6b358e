package dev.podbgp.daemon.cli;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Ask the running daemon what it knows: neighbors, routes, the FIB, its config.",
        synopsisSubcommandLabel = "(neighbors | routes [PREFIX] | fib | config)",
        footerHeading = "%nExamples:%n",
        footer = {
            "  podbgp show neighbors",
            "  podbgp show routes 10.240.0.0/16 -o json | jq '.[] | select(.best)'",
            "  podbgp show fib",
            "  podbgp show config"})
final class ShowCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "neighbors", mixinStandardHelpOptions = true,
            description = {"BGP sessions and their prefix counts.", "",
                "Per peer: address and AS, FSM state, time in that state, prefixes received,",
                "accepted by import policy and advertised, and the last error."},
            footerHeading = "%nExample:%n", footer = "  podbgp show neighbors -o json")
    void neighbors(@Mixin SocketOption socket, @Mixin OutputOption output) throws ControlException {
        var views = socket.client().neighbors();
        print(output, ViewJson.toJson(views, NeighborView::toJson), ViewTables.neighbors(views));
    }

    @Command(name = "routes", mixinStandardHelpOptions = true,
            description = {"Paths in the RIB, and why the best one won.", "",
                "*> marks the best path; Reason names the best-path step that decided.",
                "With PREFIX, only prefixes equal to or inside it."},
            footerHeading = "%nExamples:%n",
            footer = {"  podbgp show routes", "  podbgp show routes 10.240.2.0/24", "  podbgp show routes fd00:10:240::/48 -o json"})
    void routes(@Parameters(arity = "0..1", paramLabel = "PREFIX",
            description = "an IPv4 or IPv6 prefix, e.g. 10.240.0.0/16") String prefix,
            @Mixin SocketOption socket, @Mixin OutputOption output) throws ControlException, UsageException {
        if (prefix != null) {
            try {
                Prefix.parse(prefix);
            } catch (IllegalArgumentException e) {
                throw new UsageException("not a prefix: " + prefix + " (" + e.getMessage() + ")");
            }
        }
        var views = socket.client().routes(Optional.ofNullable(prefix));
        print(output, ViewJson.toJson(views, RouteView::toJson), ViewTables.routes(views));
    }

    @Command(name = "fib", mixinStandardHelpOptions = true,
            description = {"Routes podbgp installed in the kernel.", "",
                "podbgp marks its routes with its own protocol number; each row says whether the",
                "kernel accepted the route. Compare with 'ip route show proto NUMBER'."},
            footerHeading = "%nExample:%n", footer = "  podbgp show fib")
    void fib(@Mixin SocketOption socket, @Mixin OutputOption output) throws ControlException {
        var views = socket.client().fib();
        print(output, ViewJson.toJson(views, FibView::toJson), ViewTables.fib(views));
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "The configuration the daemon runs with (YAML, defaults filled in).",
            footerHeading = "%nExample:%n", footer = "  podbgp show config > running.yaml")
    void config(@Mixin SocketOption socket, @Mixin OutputOption output) throws ControlException {
        String text = socket.client().config();
        print(output, new JsonString(text), text.endsWith("\n") ? text : text + "\n");
    }

    private void print(OutputOption output, JsonValue json, String table) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.format == OutputOption.Format.json ? ViewTables.json(json) : table);
        out.flush();
    }
}
