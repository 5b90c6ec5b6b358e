package dev.podbgp.daemon.json;

import java.util.Objects;

/** A JSON string; any Java string, unpaired surrogates included (the writer escapes those). */
public record JsonString(String value) implements JsonValue {
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return toJson();
    }
}
