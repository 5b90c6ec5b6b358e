package dev.podbgp.bgp.exabgp;

/** Carries a {@link CommandError} out of the recursive-descent parser; never leaves this package. */
final class CommandSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CommandError error;

    CommandSyntaxException(CommandError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    CommandError error() {
        return error;
    }
}
