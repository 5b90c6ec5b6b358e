package dev.podbgp.daemon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A command's help, from its table entry: the synopsis, the description, its parameters, options and subcommands
 * with their descriptions (wrapped to {@value #WIDTH} columns), then its examples and notes.
 */
final class HelpText {
    static final int WIDTH = 100;
    private static final String HELP_DESCRIPTION = "print this help and exit";
    private static final String VERSION_DESCRIPTION = "print the version and exit";

    private HelpText() {}

    /** {@code podbgp show routes}: the words that select the last command of {@code path}. */
    static String commandName(List<CliCommand> path) {
        return path.stream().map(CliCommand::name).collect(Collectors.joining(" "));
    }

    static String synopsis(List<CliCommand> path) {
        CliCommand command = path.getLast();
        StringBuilder line = new StringBuilder("Usage: ").append(commandName(path)).append(" [-hV]");
        for (CliOption option : command.options()) {
            String form = (option.shortName() != null ? option.shortName() : option.name())
                    + (option.isFlag() ? "" : " " + option.valueLabel());
            line.append(' ').append(option.required() ? form : "[" + form + "]");
        }
        for (CliParameter parameter : command.parameters()) {
            line.append(' ').append(parameter.synopsis());
        }
        if (!command.subcommands().isEmpty()) {
            line.append(" COMMAND");
        }
        return line.toString();
    }

    static String of(List<CliCommand> path) {
        CliCommand command = path.getLast();
        StringBuilder text = new StringBuilder(synopsis(path)).append('\n');
        text.append(command.summary()).append('\n');
        if (!command.details().isEmpty()) {
            text.append('\n');
            command.details().forEach(l -> text.append(l).append('\n'));
        }
        if (!command.parameters().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            for (CliParameter parameter : command.parameters()) {
                rows.add(new String[] {"    " + parameter.synopsis(), parameter.description()});
            }
            section(text, "Parameters:", rows);
        }
        List<String[]> options = new ArrayList<>();
        for (CliOption option : command.options()) {
            String names = (option.shortName() != null ? option.shortName() + ", " : "    ") + option.name()
                    + (option.isFlag() ? "" : " " + option.valueLabel());
            String description = option.description()
                    + option.defaultValueIfAny().map(d -> " (default: " + d + ")").orElse("")
                    + (option.required() ? " (required)" : "");
            options.add(new String[] {names, description});
        }
        options.add(new String[] {ArgParser.HELP_SHORT + ", " + ArgParser.HELP, HELP_DESCRIPTION});
        options.add(new String[] {ArgParser.VERSION_SHORT + ", " + ArgParser.VERSION, VERSION_DESCRIPTION});
        section(text, "Options:", options);
        if (!command.subcommands().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            for (CliCommand sub : command.subcommands()) {
                rows.add(new String[] {sub.name(), sub.summary()});
            }
            section(text, "Commands:", rows);
        }
        if (!command.examples().isEmpty()) {
            text.append("\nExamples:\n");
            command.examples().forEach(l -> text.append(l).append('\n'));
        }
        if (!command.notes().isEmpty()) {
            text.append('\n');
            command.notes().forEach(l -> text.append(l).append('\n'));
        }
        return text.toString();
    }

    /** A heading, then one row a name and its description, the descriptions in one column and wrapped. */
    private static void section(StringBuilder text, String heading, List<String[]> rows) {
        int column = 2 + rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 2;
        text.append('\n').append(heading).append('\n');
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ").append(row[0]);
            for (String word : row[1].split(" ")) {
                if (line.length() < column) {
                    line.append(" ".repeat(column - line.length()));
                } else if (line.length() + 1 + word.length() > WIDTH) {
                    text.append(line).append('\n');
                    line = new StringBuilder(" ".repeat(column));
                } else {
                    line.append(' ');
                }
                line.append(word);
            }
            text.append(line).append('\n');
        }
    }
}
