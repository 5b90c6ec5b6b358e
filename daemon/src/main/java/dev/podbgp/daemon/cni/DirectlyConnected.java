package dev.podbgp.daemon.cni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * Whether a peer is on a link of this node, and which: the kernel's answer to {@code ip route get PEER} in the
 * {@link TargetNamespace}, a route with a device and no gateway. A peer reached through a gateway, over a
 * multipath route or through {@code lo} is not directly connected.
 */
public final class DirectlyConnected {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DirectlyConnected() {}

    /** The interface {@code peer} is directly connected on, or empty; empty too when the kernel has no route to it. */
    public static Optional<String> interfaceTo(TargetNamespace ns, String peer) {
        Exec.Result r = Exec.run(ns.wrap(List.of("ip", "-j", "route", "get", peer)));
        return r.ok() ? onLink(r.stdout()) : Optional.empty();
    }

    /** The device of an {@code ip -j route get} answer that names one and no gateway. */
    static Optional<String> onLink(String json) {
        JsonNode route;
        try {
            route = json.isBlank() ? null : JSON.readTree(json).path(0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ip -j route get printed something that is not JSON: " + json, e);
        }
        if (route == null || route.hasNonNull("gateway") || route.has("nexthops") || !route.path("dev").isTextual()) {
            return Optional.empty();
        }
        String dev = route.get("dev").asText();
        return dev.equals("lo") ? Optional.empty() : Optional.of(dev);
    }
}
