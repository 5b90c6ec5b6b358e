package dev.podbgp.bgp.wire.capability;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.JsonOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code "capabilities"} object of an OPEN as ExaBGP 4.2 prints it: keyed by capability
 * code in order of first appearance, repeated codes folded into one entry the way ExaBGP's
 * decoder accumulates them.
 */
public final class CapabilitiesJson {

    private CapabilitiesJson() {}

    public static void append(JsonOut out, List<Capability> capabilities) {
        Map<Integer, List<Capability>> byCode = new LinkedHashMap<>();
        for (Capability c : capabilities) {
            byCode.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        }
        boolean cisco = lastRouteRefreshIsCisco(capabilities);
        out.beginObject();
        byCode.forEach((code, group) -> {
            out.name(String.valueOf(code));
            switch (group.getFirst()) {
                case Multiprotocol m -> Multiprotocol.appendJson(out, families(group));
                case AddPath a -> AddPath.appendJson(out, all(group, AddPath.class));
                case ExtendedNextHop e -> ExtendedNextHop.appendJson(out, nextHops(group));
                case GracefulRestart g -> GracefulRestart.appendJson(out, all(group, GracefulRestart.class));
                case RouteRefreshCapability r -> RouteRefreshCapability.appendJson(out, cisco);
                case CiscoRouteRefresh r -> RouteRefreshCapability.appendJson(out, cisco);
                // ExaBGP keeps one value per code for the rest: the last one decoded.
                default -> group.getLast().appendJson(out);
            }
        });
        out.endObject();
    }

    /**
     * ExaBGP 4.2 serves codes 2 and 128 with one class whose variant is a class-wide field
     * set by the last one decoded, so both entries print the variant of the later code.
     */
    private static boolean lastRouteRefreshIsCisco(List<Capability> capabilities) {
        boolean cisco = false;
        for (Capability c : capabilities) {
            if (c instanceof RouteRefreshCapability) {
                cisco = false;
            } else if (c instanceof CiscoRouteRefresh) {
                cisco = true;
            }
        }
        return cisco;
    }

    private static List<Family> families(List<Capability> group) {
        return all(group, Multiprotocol.class).stream().map(Multiprotocol::family).toList();
    }

    private static List<ExtendedNextHop.Entry> nextHops(List<Capability> group) {
        return all(group, ExtendedNextHop.class).stream().flatMap(e -> e.entries().stream()).toList();
    }

    private static <T extends Capability> List<T> all(List<Capability> group, Class<T> type) {
        return group.stream().map(type::cast).toList();
    }
}
