package dev.podbgp.daemon.cli;

import java.util.List;

/** What {@link ArgParser} made of a command line. {@code path} runs from the root to the command the words chose. */
sealed interface ParseOutcome {

    /** Run {@code path}'s last command with these arguments. */
    record Run(List<CliCommand> path, ParsedArgs args) implements ParseOutcome {
        CliCommand command() {
            return path.getLast();
        }
    }

    /** {@code --help} or {@code -h}: print the help of {@code path}'s last command. */
    record Help(List<CliCommand> path) implements ParseOutcome {}

    /** {@code --version} or {@code -V}. */
    record Version() implements ParseOutcome {}

    /** The line is wrong; {@code message} says how (exit 2). */
    record Refused(List<CliCommand> path, String message) implements ParseOutcome {}
}
