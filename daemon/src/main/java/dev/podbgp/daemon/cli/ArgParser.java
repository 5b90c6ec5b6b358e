package dev.podbgp.daemon.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a command line against the command table. Words select subcommands until a command with an action is
 * reached; after that they are its positional parameters. Options may come anywhere after the command that has them:
 * {@code --name VALUE}, {@code --name=VALUE}, {@code -x VALUE}, {@code -xVALUE}, {@code -x=VALUE}, or a flag alone.
 * {@code --} ends the options: every word after it is positional. {@code -h}/{@code --help} and
 * {@code -V}/{@code --version} are understood on every command. A value option given twice is refused, as is
 * anything unknown, a value missing, a flag given a value, too few or too many positional words.
 */
final class ArgParser {
    static final String HELP = "--help";
    static final String HELP_SHORT = "-h";
    static final String VERSION = "--version";
    static final String VERSION_SHORT = "-V";

    private final List<CliCommand> path = new ArrayList<>();
    private final Map<CliOption, String> values = new HashMap<>();
    private final Set<CliOption> flags = new HashSet<>();
    private final Map<CliParameter, List<String>> words = new HashMap<>();

    private ArgParser(CliCommand root) {
        path.add(root);
    }

    static ParseOutcome parse(CliCommand root, List<String> args) {
        return new ArgParser(root).read(args);
    }

    private ParseOutcome read(List<String> args) {
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && looksLikeOption(arg)) {
                if (arg.equals(HELP) || arg.equals(HELP_SHORT)) {
                    return new ParseOutcome.Help(List.copyOf(path));
                }
                if (arg.equals(VERSION) || arg.equals(VERSION_SHORT)) {
                    return new ParseOutcome.Version();
                }
                int separator = valueSeparator(arg);
                String name = separator < 0 ? arg : arg.substring(0, separator);
                Optional<CliOption> option = current().option(name);
                if (option.isEmpty()) {
                    return refused("unknown option '" + name + "'" + knownOptions());
                }
                String inline = separator < 0 ? null : arg.substring(arg.charAt(separator) == '=' ? separator + 1 : separator);
                Optional<String> problem;
                if (option.get().isFlag()) {
                    problem = inline == null ? Optional.empty() : Optional.of("option " + option.get().name() + " takes no value");
                    flags.add(option.get());
                } else if (inline != null) {
                    problem = setValue(option.get(), inline);
                } else if (i + 1 < args.size() && !isOptionName(args.get(i + 1))) {
                    problem = setValue(option.get(), args.get(++i));
                } else {
                    problem = Optional.of("option " + option.get().name() + " needs a value (" + option.get().valueLabel() + ")");
                }
                if (problem.isPresent()) {
                    return refused(problem.get());
                }
            } else if (!current().subcommands().isEmpty()) {
                Optional<CliCommand> sub = current().subcommand(arg);
                if (sub.isEmpty()) {
                    return refused("unknown command '" + arg + "'" + commandList());
                }
                path.add(sub.get());
            } else if (!addWord(arg)) {
                return refused("unexpected argument '" + arg + "'");
            }
        }
        return finish();
    }

    private ParseOutcome finish() {
        CliCommand command = current();
        if (command.action() == null) {
            return refused("a command is required" + commandList());
        }
        for (CliOption option : command.options()) {
            if (option.required() && !values.containsKey(option)) {
                return refused("missing required option " + option.name() + " " + option.valueLabel());
            }
        }
        for (CliParameter parameter : command.parameters()) {
            if (words.getOrDefault(parameter, List.of()).size() < parameter.min()) {
                return refused("missing " + parameter.label() + " (" + parameter.description() + ")");
            }
        }
        return new ParseOutcome.Run(List.copyOf(path), new ParsedArgs(values, flags, words));
    }

    private CliCommand current() {
        return path.getLast();
    }

    private Optional<String> setValue(CliOption option, String value) {
        String before = values.putIfAbsent(option, value);
        return before == null ? Optional.empty()
                : Optional.of("option " + option.name() + " given twice ('" + before + "' and '" + value + "')");
    }

    /** Fills the parameters in order, each up to its maximum; false when all are full. */
    private boolean addWord(String word) {
        for (CliParameter parameter : current().parameters()) {
            List<String> given = words.computeIfAbsent(parameter, p -> new ArrayList<>());
            if (given.size() < parameter.max()) {
                given.add(word);
                return true;
            }
        }
        return false;
    }

    /** A word that names an option of the current command (so it is not the value of the option before it). */
    private boolean isOptionName(String word) {
        if (!looksLikeOption(word)) {
            return false;
        }
        int separator = valueSeparator(word);
        String name = separator < 0 ? word : word.substring(0, separator);
        return name.equals(HELP) || name.equals(HELP_SHORT) || name.equals(VERSION) || name.equals(VERSION_SHORT)
                || current().option(name).isPresent();
    }

    private static boolean looksLikeOption(String word) {
        return word.length() > 1 && word.charAt(0) == '-';
    }

    /** Where the value starts in {@code --name=value} (at '='), {@code -xVALUE} or {@code -x=VALUE}; -1 for none. */
    private static int valueSeparator(String word) {
        if (word.startsWith("--")) {
            return word.indexOf('=');
        }
        return word.length() > 2 ? 2 : -1;
    }

    private String knownOptions() {
        List<String> names = new ArrayList<>();
        for (CliOption option : current().options()) {
            names.add(option.name());
        }
        names.add(HELP);
        names.add(VERSION);
        return " (options of '" + HelpText.commandName(path) + "': " + String.join(", ", names) + ")";
    }

    private String commandList() {
        return " (commands of '" + HelpText.commandName(path) + "': "
                + current().subcommands().stream().map(CliCommand::name).collect(Collectors.joining(", ")) + ")";
    }

    private ParseOutcome refused(String message) {
        return new ParseOutcome.Refused(List.copyOf(path), message);
    }
}
