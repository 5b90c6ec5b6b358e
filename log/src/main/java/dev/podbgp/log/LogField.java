package dev.podbgp.log;

import java.util.Objects;

/**
 * One key=value pair of a log line, the value as it will be written before any quoting.
 *
 * @param quoted the key=value form quotes the value even when it is one plain word (a list:
 *               {@code families="[ipv4 unicast]"}, so a reader never mistakes it for a scalar)
 */
public record LogField(String key, String value, boolean quoted) {
    public LogField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** A field quoted only when its value needs it. */
    public LogField(String key, String value) {
        this(key, value, false);
    }
}
