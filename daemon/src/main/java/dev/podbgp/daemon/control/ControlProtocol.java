package dev.podbgp.daemon.control;

import dev.podbgp.daemon.json.JsonException;
import dev.podbgp.daemon.json.JsonNull;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonParser;
import dev.podbgp.daemon.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The line format of the control socket: one request object per line, answered by one
 * response object per line, {@code {"ok":true,"result":...}} or {@code {"ok":false,"error":"..."}}.
 * Lines are UTF-8 and never contain a raw newline (JSON escapes it).
 */
public final class ControlProtocol {
    private ControlProtocol() {}

    /** Requests longer than this are refused: a command line, not a bulk channel. */
    public static final int MAX_LINE = 1 << 20;

    public static String encode(ControlRequest request) {
        JsonObject.Builder o = JsonObject.builder();
        switch (request) {
            case ControlRequest.ShowNeighbors r -> o.put("command", "show-neighbors");
            case ControlRequest.ShowRoutes r -> {
                o.put("command", "show-routes");
                r.prefix().ifPresent(p -> o.put("prefix", p));
            }
            case ControlRequest.ShowFib r -> o.put("command", "show-fib");
            case ControlRequest.ShowConfig r -> o.put("command", "show-config");
            case ControlRequest.RouteCommand r -> o.put("command", "route-command").put("text", r.text());
            case ControlRequest.Reload r -> o.put("command", "reload");
            case ControlRequest.ClearNeighbor r -> {
                o.put("command", "clear-neighbor").put("address", r.address());
                r.scope().soft().ifPresent(soft -> o.put("soft", soft));
            }
        }
        return o.build().toJson();
    }

    /** Parses one request line; a line that is not a known request is a {@link ControlException}. */
    public static ControlRequest decode(String line) throws ControlException {
        JsonValue request;
        try {
            request = JsonParser.parse(line);
        } catch (JsonException e) {
            throw new ControlException("request is not JSON: " + e.getMessage());
        }
        if (!(request instanceof JsonObject o) || o.string("command").isEmpty()) {
            throw new ControlException("request must be a JSON object with a \"command\" string");
        }
        String command = o.requireString("command");
        return switch (command) {
            case "show-neighbors" -> new ControlRequest.ShowNeighbors();
            case "show-routes" -> new ControlRequest.ShowRoutes(
                    present(o, "prefix") ? Optional.of(text(o, "prefix")) : Optional.empty());
            case "show-fib" -> new ControlRequest.ShowFib();
            case "show-config" -> new ControlRequest.ShowConfig();
            case "route-command" -> {
                if (o.string("text").isEmpty()) {
                    throw new ControlException("route-command needs a \"text\" string");
                }
                yield new ControlRequest.RouteCommand(o.requireString("text"));
            }
            case "reload" -> new ControlRequest.Reload();
            case "clear-neighbor" -> clearNeighbor(o);
            default -> throw new ControlException("unknown command \"" + command + "\"; known: show-neighbors,"
                    + " show-routes, show-fib, show-config, route-command, reload, clear-neighbor");
        };
    }

    private static ControlRequest.ClearNeighbor clearNeighbor(JsonObject o) throws ControlException {
        if (o.string("address").isEmpty()) {
            throw new ControlException("clear-neighbor needs an \"address\" string");
        }
        ClearScope scope = ClearScope.HARD;
        if (present(o, "soft")) {
            String soft = text(o, "soft");
            scope = ClearScope.ofSoft(soft).orElseThrow(
                    () -> new ControlException("clear-neighbor \"soft\" is \"in\" or \"out\", not \"" + soft + "\""));
        }
        return new ControlRequest.ClearNeighbor(o.requireString("address"), scope);
    }

    /** An optional member: absent and {@code null} both mean "not given". */
    private static boolean present(JsonObject o, String name) {
        return o.get(name).filter(v -> v != JsonNull.NULL).isPresent();
    }

    private static String text(JsonObject o, String name) throws ControlException {
        return o.string(name).orElseThrow(() -> new ControlException("\"" + name + "\" must be a string"));
    }

    /**
     * One line without its newline; null at end of stream. A line over {@link #MAX_LINE} is an
     * error that ends the connection, so a client cannot make the daemon buffer without bound.
     */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " octets");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    static String ok(JsonValue result) {
        return JsonObject.builder().put("ok", true).put("result", result).build().toJson();
    }

    static String error(String message) {
        return JsonObject.builder().put("ok", false).put("error", message).build().toJson();
    }
}
