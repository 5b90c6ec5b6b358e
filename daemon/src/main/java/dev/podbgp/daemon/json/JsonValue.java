package dev.podbgp.daemon.json;

import java.util.Optional;

/**
 * One JSON value. The accessors answer "empty" for a value of another type, so readers of loose
 * documents ({@code ip -j} output) can test shapes without casts; {@link JsonObject}'s
 * {@code require...} methods are for documents whose shape is a contract (the control socket).
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** The text of a string value. */
    default Optional<String> text() {
        return this instanceof JsonString(String value) ? Optional.of(value) : Optional.empty();
    }

    /** This value as an object. */
    default Optional<JsonObject> asObject() {
        return this instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    /** This value as an array. */
    default Optional<JsonArray> asArray() {
        return this instanceof JsonArray a ? Optional.of(a) : Optional.empty();
    }

    /** Compact JSON: no whitespace, members in their order. */
    default String toJson() {
        return JsonWriter.compact(this);
    }

    static JsonString of(String value) {
        return new JsonString(value);
    }

    static JsonNumber of(long value) {
        return JsonNumber.of(value);
    }

    static JsonBoolean of(boolean value) {
        return JsonBoolean.of(value);
    }
}
