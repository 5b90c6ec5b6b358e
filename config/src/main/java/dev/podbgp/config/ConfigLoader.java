package dev.podbgp.config;

import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStates;
import dev.podbgp.config.yaml.ConfigReader;
import dev.podbgp.config.yaml.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads and checks a config file before anything starts. On any error nothing is returned: the
 * {@link ConfigException} lists every problem, each as {@code file:line:column: field: message}.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Loads {@code file}; relative {@code passwordFile}s are resolved against its directory. */
    public static LoadedConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), 0, 0, "",
                    "cannot read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    ConfigError.Severity.ERROR)));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(file.toString(), text, dir == null ? Path.of(".") : dir);
    }

    /**
     * Checks {@code text} as if read from {@code fileName}.
     *
     * @param baseDir where relative paths in it are resolved
     */
    public static LoadedConfig parse(String fileName, String text, Path baseDir) throws ConfigException {
        Diagnostics d = new Diagnostics(fileName);
        Optional<PodbgpConfig> config = ConfigReader.read(text, baseDir, d);
        if (config.isEmpty()) {
            throw new ConfigException(d.problems());
        }
        DesiredState state = DesiredStates.from(config.get());
        return new LoadedConfig(config.get(), state, d.warnings());
    }
}
