package dev.podbgp.config;

import java.nio.file.Path;

/** Where a peer's password comes from. A file keeps the secret out of a config that is shared or versioned. */
public sealed interface PasswordSpec {
    record None() implements PasswordSpec {
    }

    record Inline(Secret secret) implements PasswordSpec {
    }

    /** Read when the config is loaded (and again on every reload), trailing newline removed. */
    record File(Path path, Secret secret) implements PasswordSpec {
    }

    PasswordSpec NONE = new None();
}
