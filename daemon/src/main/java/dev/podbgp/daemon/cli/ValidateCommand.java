package dev.podbgp.daemon.cli;

import dev.podbgp.config.ConfigError;
import dev.podbgp.config.ConfigException;
import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code podbgp validate FILE}: a config checked as {@code run} would, nothing started. */
final class ValidateCommand {
    static final CliParameter FILE = CliParameter.one("FILE", "the YAML config file");

    private ValidateCommand() {}

    static CliCommand command() {
        return CliCommand.named("validate", "Check a config file without starting anything.")
                .details(
                        "Reads the file as 'podbgp run' would and prints every problem as FILE:LINE:COLUMN: FIELD:",
                        "MESSAGE, or a one-line summary when the file is valid. Warnings (for example a password",
                        "file others can read) are printed but do not fail the check.")
                .parameter(FILE)
                .examples("  podbgp validate /etc/podbgp/podbgp.yaml",
                        "  podbgp validate new.yaml && cp new.yaml /etc/podbgp/podbgp.yaml && podbgp reload")
                .notes("Exit codes: 0 valid, 2 invalid.")
                .action((args, out, err) -> validate(args.path(FILE), out, err));
    }

    private static int validate(Path file, PrintWriter out, PrintWriter err) {
        try {
            LoadedConfig loaded = ConfigLoader.load(file);
            for (ConfigError w : loaded.warnings()) {
                err.println(w);
            }
            var s = loaded.state();
            out.println(file + ": valid (node " + s.node().name() + ", AS " + s.node().asn()
                    + ", " + s.peers().size() + " peer(s), originates " + s.originated() + ")");
            return Main.EXIT_OK;
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                err.println(error);
            }
            return Main.EXIT_USAGE;
        }
    }
}
