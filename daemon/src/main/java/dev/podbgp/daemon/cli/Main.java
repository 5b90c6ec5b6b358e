package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.ControlException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code podbgp}: exit 0 when done, 1 when something failed at run time (the daemon is not
 * running, refused the request, a message did not decode), 2 for a usage or config error.
 */
@Command(name = "podbgp",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "podbgp announces this node's pod CIDRs over BGP, installs the routes it learns into the",
            "kernel and writes the bridge CNI configuration that connects pods on the node.",
            "",
            "The daemon runs with 'podbgp run'; the other commands talk to it over its control",
            "socket (--socket, default /run/podbgp/control.sock) or work on their own."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  podbgp show neighbors                     sessions, state and prefix counts",
            "  podbgp show routes 10.240.0.0/16          paths inside a prefix, and why one is best",
            "  podbgp announce route 10.0.0.0/24 next-hop self",
            "  podbgp decode FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF0017020000000000",
            "",
            "Exit codes: 0 ok, 1 runtime error (e.g. daemon not running), 2 usage or config error."},
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            VersionCommand.class,
            ShowCommand.class,
            AnnounceCommand.class,
            WithdrawCommand.class,
            ReloadCommand.class,
            ClearCommand.class,
            DecodeCommand.class,
            CleanupCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_RUNTIME = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage, and exit 2 as for any other usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given streams; returns the exit code. Tests call this. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Descriptions and examples are written for 100 columns; Picocli's default is 80.
        cli.setUsageHelpWidth(100);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof UsageException || e instanceof CommandLine.ParameterException
                ? EXIT_USAGE : EXIT_RUNTIME);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CommandLine.ParameterException usage) {
                return line.getParameterExceptionHandler().handleParseException(usage, args);
            }
            line.getErr().println("podbgp: " + message(e));
            line.getErr().flush();
            return line.getExitCodeExceptionMapper().getExitCode(e);
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String message(Exception e) {
        return switch (e) {
            case ControlException c -> c.getMessage();
            case UsageException u -> u.getMessage();
            default -> e.getMessage() == null ? e.toString() : e.getMessage();
        };
    }
}
