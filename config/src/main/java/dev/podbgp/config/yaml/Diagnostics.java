package dev.podbgp.config.yaml;

import dev.podbgp.config.ConfigError;
import dev.podbgp.config.ConfigError.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem of one file; reading goes on after an error so all are reported at once. */
public final class Diagnostics {
    private final String file;
    private final List<ConfigError> problems = new ArrayList<>();

    public Diagnostics(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void error(Node at, String path, String message) {
        add(at == null ? null : at.getStartMark(), path, message, Severity.ERROR);
    }

    public void warning(Node at, String path, String message) {
        add(at == null ? null : at.getStartMark(), path, message, Severity.WARNING);
    }

    void add(Mark mark, String path, String message, Severity severity) {
        // SnakeYAML marks are 0-based; editors and compilers count from 1.
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        problems.add(new ConfigError(file, line, column, path, message, severity));
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ConfigError::isError);
    }

    /** All problems in file order, so the output reads top to bottom. */
    public List<ConfigError> problems() {
        return problems.stream()
                .sorted(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column))
                .toList();
    }

    public List<ConfigError> warnings() {
        return problems().stream().filter(p -> !p.isError()).toList();
    }
}
