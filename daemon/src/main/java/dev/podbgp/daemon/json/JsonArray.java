package dev.podbgp.daemon.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A JSON array: values in their order. */
public record JsonArray(List<JsonValue> values) implements JsonValue, Iterable<JsonValue> {
    public static final JsonArray EMPTY = new JsonArray(List.of());

    public JsonArray {
        values = List.copyOf(values);
    }

    public static JsonArray of(JsonValue... values) {
        return new JsonArray(List.of(values));
    }

    public static JsonArray ofStrings(List<String> strings) {
        List<JsonValue> out = new ArrayList<>(strings.size());
        for (String s : strings) {
            out.add(new JsonString(s));
        }
        return new JsonArray(out);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value at {@code index}, empty past the end. */
    public Optional<JsonValue> get(int index) {
        return index >= 0 && index < values.size() ? Optional.of(values.get(index)) : Optional.empty();
    }

    /** The elements as strings; any other element is a {@link JsonException}. */
    public List<String> strings() {
        List<String> out = new ArrayList<>(values.size());
        for (JsonValue v : values) {
            out.add(v.text().orElseThrow(() -> new JsonException("array element is not a string: " + v)));
        }
        return out;
    }

    @Override
    public Iterator<JsonValue> iterator() {
        return values.iterator();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
