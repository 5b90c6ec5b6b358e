package dev.podbgp.daemon.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A JSON object: members in their order (the writer keeps it, so output is a pure function of how
 * the object was built). A name given twice keeps its last value, in the place of its first.
 */
public final class JsonObject implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, JsonValue> members;

    private JsonObject(Map<String, JsonValue> members) {
        this.members = members;
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** The members in their order, unmodifiable. */
    public Map<String, JsonValue> members() {
        return members;
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** The member's value; empty when absent ({@code null} is present, as {@link JsonNull}). */
    public Optional<JsonValue> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** The member's text when it is a string; empty when absent, null or of another type. */
    public Optional<String> string(String name) {
        return get(name).flatMap(JsonValue::text);
    }

    /** The member when it is an object. */
    public Optional<JsonObject> object(String name) {
        return get(name).flatMap(JsonValue::asObject);
    }

    /** The member when it is an array; an empty array when absent or of another type. */
    public JsonArray array(String name) {
        return get(name).flatMap(JsonValue::asArray).orElse(JsonArray.EMPTY);
    }

    /** The member when it is an integer number in the long range. */
    public OptionalLong integer(String name) {
        return get(name).orElse(JsonNull.NULL) instanceof JsonNumber n && n.isLong()
                ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    /** The member when it is a boolean. */
    public Optional<Boolean> bool(String name) {
        return get(name).orElse(JsonNull.NULL) instanceof JsonBoolean b ? Optional.of(b.value()) : Optional.empty();
    }

    public String requireString(String name) {
        return string(name).orElseThrow(() -> missing(name, "a string"));
    }

    public long requireLong(String name) {
        return integer(name).orElseThrow(() -> missing(name, "an integer"));
    }

    public int requireInt(String name) {
        long v = requireLong(name);
        if (v != (int) v) {
            throw new JsonException("member \"" + name + "\" is out of the int range: " + v);
        }
        return (int) v;
    }

    public boolean requireBoolean(String name) {
        return bool(name).orElseThrow(() -> missing(name, "a boolean"));
    }

    /** A member that must be an array of strings. */
    public List<String> requireStrings(String name) {
        return get(name).flatMap(JsonValue::asArray).orElseThrow(() -> missing(name, "an array")).strings();
    }

    /** A copy with {@code name} set to {@code value}: replaced in its place, or added at the end. */
    public JsonObject with(String name, JsonValue value) {
        return toBuilder().put(name, value).build();
    }

    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(members));
    }

    private JsonException missing(String name, String type) {
        return new JsonException(has(name) ? "member \"" + name + "\" is not " + type + ": " + members.get(name)
                : "no member \"" + name + "\" (" + type + ")");
    }

    @Override
    public boolean equals(Object o) {
        // member order is layout, not value: {"a":1,"b":2} equals {"b":2,"a":1}
        return o instanceof JsonObject other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds an object member by member; not thread-safe, and spent by {@link #build()}. */
    public static final class Builder {
        private Map<String, JsonValue> members;

        private Builder(Map<String, JsonValue> members) {
            this.members = members;
        }

        public Builder put(String name, JsonValue value) {
            if (members == null) {
                throw new IllegalStateException("builder already built");
            }
            members.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, new JsonString(value));
        }

        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonBoolean.of(value));
        }

        public Builder put(String name, List<String> strings) {
            return put(name, JsonArray.ofStrings(strings));
        }

        public JsonObject build() {
            JsonObject o = new JsonObject(Collections.unmodifiableMap(members));
            members = null;
            return o;
        }
    }
}
