package dev.podbgp.daemon.cli;

/**
 * A positional parameter: the words of a command line that are neither options nor the command's name.
 *
 * @param label       what the words are, for the help (FILE, PREFIX, HEX)
 * @param description one sentence for the help
 * @param min         how many words at least (0: optional)
 * @param max         how many at most ({@link Integer#MAX_VALUE}: any number)
 */
record CliParameter(String label, String description, int min, int max) {

    CliParameter {
        if (min < 0 || max < Math.max(1, min)) {
            throw new IllegalArgumentException(label + ": takes " + min + ".." + max + " words");
        }
    }

    static CliParameter one(String label, String description) {
        return new CliParameter(label, description, 1, 1);
    }

    static CliParameter optional(String label, String description) {
        return new CliParameter(label, description, 0, 1);
    }

    static CliParameter oneOrMore(String label, String description) {
        return new CliParameter(label, description, 1, Integer.MAX_VALUE);
    }

    /** As the synopsis writes it: {@code FILE}, {@code [PREFIX]}, {@code HEX...}. */
    String synopsis() {
        String word = max > 1 ? label + "..." : label;
        return min == 0 ? "[" + word + "]" : word;
    }
}
