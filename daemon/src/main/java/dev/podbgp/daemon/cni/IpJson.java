package dev.podbgp.daemon.cni;

import dev.podbgp.daemon.json.JsonArray;
import dev.podbgp.daemon.json.JsonException;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonParser;
import dev.podbgp.daemon.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** What {@code ip -j} prints: an array of objects (routes, links), "[]" or nothing when nothing matches. */
final class IpJson {
    private IpJson() {}

    /**
     * The objects of {@code ip -j} output; elements that are not objects are left out. Output that is not
     * JSON (an {@code ip} too old for {@code -j}) is an {@link IllegalStateException} naming {@code command}.
     */
    static List<JsonObject> objects(String command, String output) {
        if (output.isBlank()) {
            return List.of();
        }
        JsonValue parsed;
        try {
            parsed = JsonParser.parse(output);
        } catch (JsonException e) {
            throw new IllegalStateException(command + " printed something that is not JSON (" + e.getMessage() + "): "
                    + output, e);
        }
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : parsed.asArray().orElse(JsonArray.EMPTY)) {
            v.asObject().ifPresent(out::add);
        }
        return out;
    }
}
