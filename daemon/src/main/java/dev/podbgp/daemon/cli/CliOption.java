package dev.podbgp.daemon.cli;

import java.util.Optional;

/**
 * One option of a command: {@code --name VALUE} (also {@code --name=VALUE}) or, without a value label, a flag.
 *
 * @param name         the long name, with its dashes: {@code --socket}
 * @param shortName    a one-letter alias such as {@code -o}, or null
 * @param valueLabel   what the value is, for the help (PATH, FILE); null for a flag, which takes no value
 * @param description  one sentence for the help
 * @param defaultValue the value when the option is not given, shown in the help; null for none
 * @param required     the command cannot run without it
 */
record CliOption(String name, String shortName, String valueLabel, String description, String defaultValue, boolean required) {

    CliOption {
        if (!name.startsWith("--") || shortName != null && !(shortName.length() == 2 && shortName.charAt(0) == '-')) {
            throw new IllegalArgumentException("option names are --long and -x: " + name + ", " + shortName);
        }
    }

    /** A flag: present or not. */
    static CliOption flag(String name, String description) {
        return new CliOption(name, null, null, description, null, false);
    }

    /** An option that takes a value. */
    static CliOption valued(String name, String valueLabel, String description) {
        return new CliOption(name, null, valueLabel, description, null, false);
    }

    CliOption withShortName(String alias) {
        return new CliOption(name, alias, valueLabel, description, defaultValue, required);
    }

    CliOption withDefault(Object value) {
        return new CliOption(name, shortName, valueLabel, description, String.valueOf(value), required);
    }

    CliOption asRequired() {
        return new CliOption(name, shortName, valueLabel, description, defaultValue, true);
    }

    boolean isFlag() {
        return valueLabel == null;
    }

    boolean isNamed(String word) {
        return name.equals(word) || word.equals(shortName);
    }

    Optional<String> defaultValueIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
