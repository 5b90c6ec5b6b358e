package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ControlException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code podbgp}: exit 0 when done, 1 when something failed at run time (the daemon is not
 * running, refused the request, a message did not decode), 2 for a usage or config error.
 * The commands are a table ({@link #COMMANDS}) that {@link ArgParser} reads the command line against.
 */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_RUNTIME = 1;
    public static final int EXIT_USAGE = 2;

    private static final CliParameter HELP_TOPIC = new CliParameter("COMMAND",
            "the command to explain, e.g. show or show routes", 0, Integer.MAX_VALUE);

    /** Every command, as its words select it; the help is written from it. */
    static final CliCommand COMMANDS = CliCommand.named("podbgp",
                    "BGP for Kubernetes pod networks: the daemon and the commands that talk to it.")
            .details(
                    "podbgp announces this node's pod CIDRs over BGP, installs the routes it learns into the",
                    "kernel and writes the bridge CNI configuration that connects pods on the node.",
                    "",
                    "The daemon runs with 'podbgp run'; the other commands talk to it over its control",
                    "socket (--socket, default /run/podbgp/control.sock) or work on their own.")
            .subcommands(
                    RunCommand.command(),
                    ValidateCommand.command(),
                    VersionCommand.command(),
                    ShowCommand.command(),
                    AnnounceCommand.command(),
                    WithdrawCommand.command(),
                    ReloadCommand.command(),
                    ClearCommand.command(),
                    DecodeCommand.command(),
                    CleanupCommand.command(),
                    DemoCommand.command(),
                    CliCommand.named("help", "Print the help of a command, as COMMAND --help does.")
                            .parameter(HELP_TOPIC)
                            .examples("  podbgp help show", "  podbgp help show routes")
                            .action((args, out, err) -> help(args.words(HELP_TOPIC), out, err)))
            .examples(
                    "  podbgp show neighbors                     sessions, state and prefix counts",
                    "  podbgp show routes 10.240.0.0/16          paths inside a prefix, and why one is best",
                    "  podbgp announce route 10.0.0.0/24 next-hop self",
                    "  podbgp decode FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF0017020000000000")
            .notes("Exit codes: 0 ok, 1 runtime error (e.g. daemon not running), 2 usage or config error.")
            .group();

    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given streams; returns the exit code. Tests call this. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        int code = dispatch(ArgParser.parse(COMMANDS, List.of(args)), out, err);
        out.flush();
        err.flush();
        return code;
    }

    private static int dispatch(ParseOutcome outcome, PrintWriter out, PrintWriter err) {
        return switch (outcome) {
            case ParseOutcome.Run run -> run(run, out, err);
            case ParseOutcome.Help help -> {
                out.print(HelpText.of(help.path()));
                yield EXIT_OK;
            }
            case ParseOutcome.Version v -> {
                out.println(Version.line());
                yield EXIT_OK;
            }
            case ParseOutcome.Refused refused -> {
                err.println("podbgp: " + refused.message());
                err.println(HelpText.synopsis(refused.path()));
                err.println("Try '" + HelpText.commandName(refused.path()) + " --help' for more.");
                yield EXIT_USAGE;
            }
        };
    }

    private static int run(ParseOutcome.Run run, PrintWriter out, PrintWriter err) {
        try {
            return run.command().action().run(run.args(), out, err);
        } catch (UsageException e) {
            err.println("podbgp: " + e.getMessage());
            return EXIT_USAGE;
        } catch (ControlException e) {
            err.println("podbgp: " + e.getMessage());
            return EXIT_RUNTIME;
        } catch (Exception e) {
            err.println("podbgp: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return EXIT_RUNTIME;
        }
    }

    /** {@code podbgp help show routes}: the help {@code podbgp show routes --help} prints. */
    private static int help(List<String> topic, PrintWriter out, PrintWriter err) {
        List<String> words = new ArrayList<>(topic);
        words.add(ArgParser.HELP);
        return dispatch(ArgParser.parse(COMMANDS, words), out, err);
    }
}
