package dev.podbgp.daemon.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A command line read against the command table: the options given (defaults for those not given), the flags set and
 * the positional words. The typed getters refuse a value of the wrong kind with a {@link UsageException} that names
 * the option and the value.
 */
final class ParsedArgs {
    private final Map<CliOption, String> values;
    private final Set<CliOption> flags;
    private final Map<CliParameter, List<String>> words;

    ParsedArgs(Map<CliOption, String> values, Set<CliOption> flags, Map<CliParameter, List<String>> words) {
        this.values = Map.copyOf(values);
        this.flags = Set.copyOf(flags);
        this.words = Map.copyOf(words);
    }

    boolean flag(CliOption flag) {
        return flags.contains(flag);
    }

    /** The value given, else the option's default, else null. */
    String value(CliOption option) {
        String given = values.get(option);
        return given != null ? given : option.defaultValue();
    }

    Path path(CliOption option) throws UsageException {
        String text = value(option);
        return text == null ? null : path(option.name(), text);
    }

    /** The one word of {@code parameter} as a path; null when an optional one was not given. */
    Path path(CliParameter parameter) throws UsageException {
        String text = word(parameter);
        return text == null ? null : path(parameter.label(), text);
    }

    private static Path path(String what, String text) throws UsageException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException("invalid value for " + what + ": '" + text + "' (not a path: " + e.getReason() + ")");
        }
    }

    long number(CliOption option) throws UsageException {
        String text = value(option);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw badValue(option, text, "not a whole number");
        }
    }

    /** The value as one of {@code choices}, matched by name ({@code table}, {@code json}). */
    <E extends Enum<E>> E choice(CliOption option, E[] choices) throws UsageException {
        String text = value(option);
        for (E choice : choices) {
            if (choice.name().equals(text)) {
                return choice;
            }
        }
        throw badValue(option, text, "expected one of " + Arrays.stream(choices).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** The words given for {@code parameter}; empty when none. */
    List<String> words(CliParameter parameter) {
        return words.getOrDefault(parameter, List.of());
    }

    /** The one word of a single-word parameter, or null when an optional one was not given. */
    String word(CliParameter parameter) {
        List<String> given = words(parameter);
        return given.isEmpty() ? null : given.getFirst();
    }

    private static UsageException badValue(CliOption option, String value, String why) {
        return new UsageException("invalid value for " + option.name() + ": '" + value + "' (" + why + ")");
    }
}
