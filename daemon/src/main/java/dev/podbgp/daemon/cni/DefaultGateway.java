package dev.podbgp.daemon.cni;

import dev.podbgp.daemon.json.JsonObject;
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
    private DefaultGateway() {}

    /** The gateway of {@code family}'s default route in {@code ns}, or empty when there is none to peer with. */
    public static Optional<IpAddress> in(TargetNamespace ns, AddressFamily family) {
        String flag = family == AddressFamily.IPV4 ? "-4" : "-6";
        return of(Exec.run(ns.wrap(List.of("ip", flag, "-j", "route", "show", "default"))).orThrow(), family);
    }

    static Optional<IpAddress> of(String json, AddressFamily family) {
        JsonObject best = null;
        for (JsonObject r : IpJson.objects("ip -j route show default", json)) {
            if (!r.string("type").orElse("unicast").equals("unicast") || !r.string("table").orElse("main").equals("main")) {
                continue;
            }
            if (best == null || r.integer("metric").orElse(0) < best.integer("metric").orElse(0)) {
                best = r;
            }
        }
        if (best == null || best.string("gateway").isEmpty()) {
            return Optional.empty();
        }
        IpAddress gateway = IpAddress.parse(best.requireString("gateway"));
        return gateway.family() == family ? Optional.of(gateway) : Optional.empty();
    }
}
