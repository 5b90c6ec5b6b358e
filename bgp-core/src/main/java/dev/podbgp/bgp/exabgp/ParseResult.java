package dev.podbgp.bgp.exabgp;

/** The outcome of parsing one text command: the command, or why it was refused. */
public sealed interface ParseResult {

    record Parsed(Command command) implements ParseResult {}

    record Refused(CommandError error) implements ParseResult {}
}
