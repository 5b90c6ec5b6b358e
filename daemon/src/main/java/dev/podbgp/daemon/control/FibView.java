package dev.podbgp.daemon.control;

import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonValue;
import java.util.List;

/**
 * One route podbgp owns in the kernel FIB, as {@code podbgp show fib} prints it.
 *
 * @param prefix    the destination
 * @param nextHops  gateway addresses (several for ECMP)
 * @param table     the kernel routing table
 * @param protocol  the rtnetlink protocol number podbgp marks its routes with
 * @param state     installed, pending or failed
 * @param lastError the kernel's last answer for this route when it failed, empty otherwise
 */
public record FibView(String prefix, List<String> nextHops, int table, int protocol, String state, String lastError) {
    public FibView {
        nextHops = List.copyOf(nextHops);
    }

    /** The control socket's and {@code -o json}'s form: one member per component, named after it. */
    public JsonObject toJson() {
        return JsonObject.builder().put("prefix", prefix).put("nextHops", nextHops).put("table", table)
                .put("protocol", protocol).put("state", state).put("lastError", lastError).build();
    }

    /** Reads {@link #toJson()}'s form; a member missing or of another type is a {@code JsonException}. */
    public static FibView fromJson(JsonValue json) {
        JsonObject o = ViewJson.object(json, "FIB route");
        return new FibView(o.requireString("prefix"), o.requireStrings("nextHops"), o.requireInt("table"),
                o.requireInt("protocol"), o.requireString("state"), o.requireString("lastError"));
    }
}
