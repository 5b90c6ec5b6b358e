package dev.podbgp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * podbgp's own table: every command's help lists each of its options, parameters and subcommands with their
 * descriptions, {@code help COMMAND} prints the same, refusals exit 2 with a hint, and docs/cli.md names every
 * command and option.
 */
class CommandTableTest {

    /** Every command path from the root: [podbgp], [podbgp, run], ..., [podbgp, show, routes]. */
    static List<List<CliCommand>> paths() {
        List<List<CliCommand>> all = new ArrayList<>();
        collect(List.of(Main.COMMANDS), all);
        return all;
    }

    private static void collect(List<CliCommand> path, List<List<CliCommand>> into) {
        into.add(path);
        for (CliCommand sub : path.getLast().subcommands()) {
            List<CliCommand> longer = new ArrayList<>(path);
            longer.add(sub);
            collect(List.copyOf(longer), into);
        }
    }

    static List<String> words(List<CliCommand> path) {
        return path.subList(1, path.size()).stream().map(CliCommand::name).toList();
    }

    @Test
    void theTableHasTheCommandsOfPodbgp() {
        assertThat(paths().stream().map(p -> String.join(" ", words(p))).toList()).containsExactlyInAnyOrder("",
                "run", "validate", "version", "show", "show neighbors", "show routes", "show fib", "show config",
                "announce", "withdraw", "reload", "clear", "clear neighbor", "decode", "cleanup", "demo", "help");
    }

    @Test
    void everyCommandsHelp_listsItsOptionsParametersAndSubcommands() {
        for (List<CliCommand> path : paths()) {
            List<String> args = new ArrayList<>(words(path));
            args.add("--help");
            CliRun help = CliRun.of(args.toArray(String[]::new));
            CliCommand command = path.getLast();
            assertThat(help.exitCode()).as(args.toString()).isZero();
            assertThat(help.out()).as(args.toString()).startsWith("Usage: " + HelpText.commandName(path) + " ")
                    .contains(command.summary()).contains("--help").contains("--version");
            String flat = help.out().replaceAll("\\s+", " ");
            for (CliOption option : command.options()) {
                assertThat(flat).as(args + " " + option.name()).contains(option.name()).contains(option.description());
            }
            for (CliParameter parameter : command.parameters()) {
                assertThat(flat).as(args + " " + parameter.label()).contains(parameter.synopsis()).contains(parameter.description());
            }
            for (CliCommand sub : command.subcommands()) {
                assertThat(flat).as(args + " " + sub.name()).contains(sub.name() + " " + sub.summary());
            }
            List<String> helpCommand = new ArrayList<>(List.of("help"));
            helpCommand.addAll(words(path));
            assertThat(CliRun.of(helpCommand.toArray(String[]::new))).as(helpCommand.toString()).isEqualTo(help);
        }
    }

    @Test
    void refusedLine_exits2_withTheReasonTheSynopsisAndAHint() {
        CliRun r = CliRun.of("show", "neighbors", "--sockt", "/x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("""
                podbgp: unknown option '--sockt' (options of 'podbgp show neighbors': --socket, --output, --help, --version)
                Usage: podbgp show neighbors [-hV] [--socket PATH] [-o FORMAT]
                Try 'podbgp show neighbors --help' for more.
                """);
        assertThat(CliRun.of("help", "nothing").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("run").err()).contains("missing required option --config FILE");
        assertThat(CliRun.of("validate").err()).contains("missing FILE");
        assertThat(CliRun.of("decode").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("show").err()).contains("a command is required (commands of 'podbgp show': neighbors, routes, fib, config)");
    }

    @Test
    void badValue_exits2_namingOptionAndValue() {
        CliRun output = CliRun.of("show", "neighbors", "-o", "xml");
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).isEqualTo("podbgp: invalid value for --output: 'xml' (expected one of table, json)\n");
        CliRun as = CliRun.of("decode", "--local-as=sixty", "FFFF");
        assertThat(as.exitCode()).isEqualTo(2);
        assertThat(as.err()).isEqualTo("podbgp: invalid value for --local-as: 'sixty' (not a whole number)\n");
        CliRun file = CliRun.of("validate", "a\0b.yaml");
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err()).startsWith("podbgp: invalid value for FILE: 'a\0b.yaml' (not a path");
    }

    @Test
    void versionOption_onAnyCommand_printsTheVersionLine() {
        CliRun version = CliRun.of("version");
        assertThat(CliRun.of("--version")).isEqualTo(version);
        assertThat(CliRun.of("show", "routes", "-V")).isEqualTo(version);
    }

    @Test
    void docsCliMd_namesEveryCommandAndOption() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "cli.md"));
        for (List<CliCommand> path : paths()) {
            assertThat(docs).as(HelpText.commandName(path)).contains(HelpText.commandName(path));
            for (CliOption option : path.getLast().options()) {
                assertThat(docs).as(HelpText.commandName(path) + " " + option.name()).contains(option.name());
            }
        }
    }
}
