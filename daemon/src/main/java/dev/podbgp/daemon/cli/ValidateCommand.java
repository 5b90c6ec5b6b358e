package dev.podbgp.daemon.cli;

import dev.podbgp.config.ConfigError;
import dev.podbgp.config.ConfigException;
import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.LoadedConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a config file without starting anything.", "",
            "Reads the file as 'podbgp run' would and prints every problem as FILE:LINE:COLUMN: FIELD:",
            "MESSAGE, or a one-line summary when the file is valid. Warnings (for example a password",
            "file others can read) are printed but do not fail the check."},
        footerHeading = "%nExamples:%n",
        footer = {"  podbgp validate /etc/podbgp/podbgp.yaml",
            "  podbgp validate new.yaml && cp new.yaml /etc/podbgp/podbgp.yaml && podbgp reload",
            "", "Exit codes: 0 valid, 2 invalid."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the YAML config file")
    Path file;

    @Override
    public Integer call() {
        try {
            LoadedConfig loaded = ConfigLoader.load(file);
            for (ConfigError w : loaded.warnings()) {
                spec.commandLine().getErr().println(w);
            }
            var s = loaded.state();
            spec.commandLine().getOut().println(file + ": valid (node " + s.node().name() + ", AS " + s.node().asn()
                    + ", " + s.peers().size() + " peer(s), originates " + s.originated() + ")");
            return Main.EXIT_OK;
        } catch (ConfigException e) {
            for (ConfigError err : e.errors()) {
                spec.commandLine().getErr().println(err);
            }
            return Main.EXIT_USAGE;
        }
    }
}
