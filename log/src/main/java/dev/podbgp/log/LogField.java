package dev.podbgp.log;

import java.util.Objects;

/** One key=value pair of a log line, the value as it will be written before any quoting. */
public record LogField(String key, String value) {
    public LogField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
