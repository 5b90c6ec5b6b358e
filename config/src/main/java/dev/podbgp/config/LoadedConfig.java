package dev.podbgp.config;

import dev.podbgp.config.state.DesiredState;
import java.util.List;

/**
 * A config that may be used: the file as records, the state it asks for, and the warnings
 * found on the way (to be logged, not to stop anything).
 */
public record LoadedConfig(PodbgpConfig config, DesiredState state, List<ConfigError> warnings) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
