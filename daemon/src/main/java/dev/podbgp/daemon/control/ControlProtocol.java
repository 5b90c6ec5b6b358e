package dev.podbgp.daemon.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    static final ObjectMapper MAPPER = new ObjectMapper();

    public static String encode(ControlRequest request) {
        ObjectNode o = MAPPER.createObjectNode();
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
        return o.toString();
    }

    /** Parses one request line; a line that is not a known request is a {@link ControlException}. */
    public static ControlRequest decode(String line) throws ControlException {
        JsonNode o;
        try {
            o = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ControlException("request is not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject() || !o.path("command").isTextual()) {
            throw new ControlException("request must be a JSON object with a \"command\" string");
        }
        String command = o.get("command").asText();
        return switch (command) {
            case "show-neighbors" -> new ControlRequest.ShowNeighbors();
            case "show-routes" -> new ControlRequest.ShowRoutes(
                    o.hasNonNull("prefix") ? Optional.of(o.get("prefix").asText()) : Optional.empty());
            case "show-fib" -> new ControlRequest.ShowFib();
            case "show-config" -> new ControlRequest.ShowConfig();
            case "route-command" -> {
                if (!o.path("text").isTextual()) {
                    throw new ControlException("route-command needs a \"text\" string");
                }
                yield new ControlRequest.RouteCommand(o.get("text").asText());
            }
            case "reload" -> new ControlRequest.Reload();
            case "clear-neighbor" -> clearNeighbor(o);
            default -> throw new ControlException("unknown command \"" + command + "\"; known: show-neighbors,"
                    + " show-routes, show-fib, show-config, route-command, reload, clear-neighbor");
        };
    }

    private static ControlRequest.ClearNeighbor clearNeighbor(JsonNode o) throws ControlException {
        if (!o.path("address").isTextual()) {
            throw new ControlException("clear-neighbor needs an \"address\" string");
        }
        ClearScope scope = ClearScope.HARD;
        if (o.hasNonNull("soft")) {
            String soft = o.get("soft").asText();
            scope = ClearScope.ofSoft(soft).orElseThrow(
                    () -> new ControlException("clear-neighbor \"soft\" is \"in\" or \"out\", not \"" + soft + "\""));
        }
        return new ControlRequest.ClearNeighbor(o.get("address").asText(), scope);
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

    static String ok(Object result) {
        ObjectNode o = MAPPER.createObjectNode().put("ok", true);
        o.set("result", MAPPER.valueToTree(result));
        return o.toString();
    }

    static String error(String message) {
        return MAPPER.createObjectNode().put("ok", false).put("error", message).toString();
    }
}
