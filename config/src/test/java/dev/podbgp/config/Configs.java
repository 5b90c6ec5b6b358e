package dev.podbgp.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

/** Test helpers: load a text as podbgp.yaml, or get the problems it is refused with. */
final class Configs {
    private Configs() {
    }

    static final String NODE = """
            node:
              asn: 65001
              routerId: 192.0.2.11
            """;

    static LoadedConfig load(String yaml) throws ConfigException {
        return ConfigLoader.parse("podbgp.yaml", yaml, Path.of("."));
    }

    static List<String> problems(String yaml) {
        return problems(yaml, Path.of("."));
    }

    static List<String> problems(String yaml, Path baseDir) {
        try {
            ConfigLoader.parse("podbgp.yaml", yaml, baseDir);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        assertThatThrownBy(() -> {
        }).as("config was accepted:\n" + yaml).isInstanceOf(ConfigException.class);
        return List.of();
    }
}
