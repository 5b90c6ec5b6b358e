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
        String text = readText(file);
        Path dir = file.toAbsolutePath().getParent();
        return parse(file.toString(), text, dir == null ? Path.of(".") : dir);
    }

    /**
     * Loads the base settings a cluster shares (Kubernetes mode: one ConfigMap for every node).
     * Checked like {@link #load}, except that the node's identity (router id, podCIDRs, peers of
     * the mesh) comes from the cluster, so the file need not name a router id.
     *
     * @return the model and the warnings; no {@code DesiredState}, which needs the cluster's part
     */
    public static LoadedBase loadBase(Path file) throws ConfigException {
        String text = readText(file);
        Path dir = file.toAbsolutePath().getParent();
        Diagnostics d = new Diagnostics(file.toString());
        Optional<PodbgpConfig> config = ConfigReader.read(text, dir == null ? Path.of(".") : dir, d, true);
        if (config.isEmpty()) {
            throw new ConfigException(d.problems());
        }
        return new LoadedBase(config.get(), d.warnings());
    }

    /** The shared base of a cluster's nodes and what was questionable in it. */
    public record LoadedBase(PodbgpConfig config, List<ConfigError> warnings) {
        public LoadedBase {
            warnings = List.copyOf(warnings);
        }
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

    private static String readText(Path file) throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), 0, 0, "",
                    "cannot read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    ConfigError.Severity.ERROR)));
        }
    }
}
