package dev.podbgp.daemon.cli;

/** The command line is wrong (an unknown option, a bad prefix, bad hex): exit 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
