package dev.podbgp.daemon.cni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * The gateway of the main table's default route of one family, as {@code ip -j route show default} prints it: of
 * several, the one with the lowest metric (the kernel's choice); none for a default route without a gateway (a
 * device route) or a multipath one (no one router to peer with).
 */
public final class DefaultGateway {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DefaultGateway() {}

    /** The gateway of {@code family}'s default route in {@code ns}, or empty when there is none to peer with. */
    public static Optional<IpAddress> in(TargetNamespace ns, AddressFamily family) {
        String flag = family == AddressFamily.IPV4 ? "-4" : "-6";
        return of(Exec.run(ns.wrap(List.of("ip", flag, "-j", "route", "show", "default"))).orThrow(), family);
    }

    static Optional<IpAddress> of(String json, AddressFamily family) {
        JsonNode routes;
        try {
            routes = json.isBlank() ? JSON.createArrayNode() : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ip -j route show default printed something that is not JSON: " + json, e);
        }
        JsonNode best = null;
        for (JsonNode r : routes) {
            if (!r.path("type").asText("unicast").equals("unicast") || !r.path("table").asText("main").equals("main")) {
                continue;
            }
            if (best == null || r.path("metric").asLong(0) < best.path("metric").asLong(0)) {
                best = r;
            }
        }
        if (best == null || !best.path("gateway").isTextual()) {
            return Optional.empty();
        }
        IpAddress gateway = IpAddress.parse(best.get("gateway").asText());
        return gateway.family() == family ? Optional.of(gateway) : Optional.empty();
    }
}
