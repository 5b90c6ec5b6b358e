package dev.podbgp.daemon.cni;

import dev.podbgp.daemon.json.JsonNull;
import dev.podbgp.daemon.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Whether a peer is on a link of this node, and which: the kernel's answer to {@code ip route get PEER} in the
 * {@link TargetNamespace}, a route with a device and no gateway. A peer reached through a gateway, over a
 * multipath route or through {@code lo} is not directly connected.
 */
public final class DirectlyConnected {
    private DirectlyConnected() {}

    /** The interface {@code peer} is directly connected on, or empty; empty too when the kernel has no route to it. */
    public static Optional<String> interfaceTo(TargetNamespace ns, String peer) {
        Exec.Result r = Exec.run(ns.wrap(List.of("ip", "-j", "route", "get", peer)));
        return r.ok() ? onLink(r.stdout()) : Optional.empty();
    }

    /** The device of an {@code ip -j route get} answer that names one and no gateway. */
    static Optional<String> onLink(String json) {
        List<JsonObject> routes = IpJson.objects("ip -j route get", json);
        if (routes.isEmpty()) {
            return Optional.empty();
        }
        JsonObject route = routes.getFirst();
        if (route.get("gateway").filter(g -> g != JsonNull.NULL).isPresent() || route.has("nexthops")
                || route.string("dev").isEmpty()) {
            return Optional.empty();
        }
        String dev = route.requireString("dev");
        return dev.equals("lo") ? Optional.empty() : Optional.of(dev);
    }
}
