package dev.podbgp.daemon.cli;

import java.io.PrintWriter;

/** What a command does with its parsed command line; returns the exit code. */
@FunctionalInterface
interface CliAction {
    int run(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception;
}
