package dev.podbgp.daemon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the command table: a command's name, help and options, and either an action or subcommands
 * ({@code show neighbors}). Built with {@link #named}; {@link ArgParser} reads a command line against it.
 *
 * @param name        the word that selects it ({@code podbgp} for the root)
 * @param summary     the first line of its description, also its line in the parent's command list
 * @param details     the rest of the description, one string a line
 * @param options     its options, in help order; {@code --help} and {@code --version} are on every command besides
 * @param parameters  its positional parameters, in order
 * @param subcommands the commands below it; then it has no action of its own
 * @param examples    lines for the help's "Examples:" section
 * @param notes       lines after the examples (exit codes, attribute names)
 * @param action      what it does; null for a command that only groups others
 */
record CliCommand(String name, String summary, List<String> details, List<CliOption> options, List<CliParameter> parameters,
        List<CliCommand> subcommands, List<String> examples, List<String> notes, CliAction action) {

    CliCommand {
        details = List.copyOf(details);
        options = List.copyOf(options);
        parameters = List.copyOf(parameters);
        subcommands = List.copyOf(subcommands);
        examples = List.copyOf(examples);
        notes = List.copyOf(notes);
        if ((action == null) == subcommands.isEmpty()) {
            throw new IllegalArgumentException(name + ": a command has an action or subcommands, not both or neither");
        }
    }

    static Builder named(String name, String summary) {
        return new Builder(name, summary);
    }

    Optional<CliCommand> subcommand(String word) {
        return subcommands.stream().filter(c -> c.name.equals(word)).findFirst();
    }

    Optional<CliOption> option(String word) {
        return options.stream().filter(o -> o.isNamed(word)).findFirst();
    }

    /** Collects a command's parts; the table in {@link Main} is written with it. */
    static final class Builder {
        private final String name;
        private final String summary;
        private final List<String> details = new ArrayList<>();
        private final List<CliOption> options = new ArrayList<>();
        private final List<CliParameter> parameters = new ArrayList<>();
        private final List<CliCommand> subcommands = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String name, String summary) {
            this.name = name;
            this.summary = summary;
        }

        Builder details(String... lines) {
            details.addAll(List.of(lines));
            return this;
        }

        Builder options(CliOption... more) {
            options.addAll(List.of(more));
            return this;
        }

        Builder parameter(CliParameter parameter) {
            parameters.add(parameter);
            return this;
        }

        Builder subcommands(CliCommand... more) {
            subcommands.addAll(List.of(more));
            return this;
        }

        Builder examples(String... lines) {
            examples.addAll(List.of(lines));
            return this;
        }

        Builder notes(String... lines) {
            notes.addAll(List.of(lines));
            return this;
        }

        CliCommand action(CliAction action) {
            return new CliCommand(name, summary, details, options, parameters, subcommands, examples, notes, action);
        }

        CliCommand group() {
            return new CliCommand(name, summary, details, options, parameters, subcommands, examples, notes, null);
        }
    }
}
