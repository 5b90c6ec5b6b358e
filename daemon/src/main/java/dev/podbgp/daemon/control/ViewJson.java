package dev.podbgp.daemon.control;

import dev.podbgp.daemon.json.JsonArray;
import dev.podbgp.daemon.json.JsonException;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lists of view records to and from their JSON form (an array of objects, one per record). */
public final class ViewJson {
    private ViewJson() {}

    public static <T> JsonArray toJson(List<T> views, Function<T, JsonObject> toJson) {
        List<JsonValue> out = new ArrayList<>(views.size());
        for (T v : views) {
            out.add(toJson.apply(v));
        }
        return new JsonArray(out);
    }

    /** The records of an array; anything else, or an element {@code fromJson} refuses, is a {@link JsonException}. */
    public static <T> List<T> fromJson(JsonValue json, Function<JsonValue, T> fromJson) {
        JsonArray array = json.asArray().orElseThrow(() -> new JsonException("expected an array of views: " + json));
        List<T> out = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            out.add(fromJson.apply(v));
        }
        return out;
    }

    static JsonObject object(JsonValue json, String what) {
        return json.asObject().orElseThrow(() -> new JsonException("a " + what + " must be an object: " + json));
    }
}
