package dev.podbgp.daemon.cli;

import dev.podbgp.daemon.control.FibView;
import dev.podbgp.daemon.control.NeighborView;
import dev.podbgp.daemon.control.RouteView;
import dev.podbgp.daemon.json.JsonValue;
import dev.podbgp.daemon.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/** How each control-API view prints: a table for people, JSON (the records' components) for scripts. */
final class ViewTables {
    private ViewTables() {}

    /** The pretty layout and a final newline: a record is an object named after its components. */
    static String json(JsonValue value) {
        return JsonWriter.pretty(value) + "\n";
    }

    static String neighbors(List<NeighborView> neighbors) {
        if (neighbors.isEmpty()) {
            return "no neighbors configured\n";
        }
        // The Dynamic column (the listen range a dynamic neighbour connected from) only when there is one.
        boolean dynamic = neighbors.stream().anyMatch(n -> !n.dynamicRange().isEmpty());
        List<String> columns = new ArrayList<>(List.of("Neighbor", "AS", "State", "BFD", "Up/Down", "Received",
                "Accepted", "Advertised", "Next hops", "Last error"));
        if (dynamic) {
            columns.add("Dynamic");
        }
        Table t = new Table(columns.toArray(String[]::new));
        for (NeighborView n : neighbors) {
            List<Object> cells = new ArrayList<>(List.of(n.address(), n.asn(), n.state(), dash(n.bfd()),
                    duration(n.uptimeSeconds()), n.received(), n.accepted(), n.advertised(),
                    nextHops(n), n.lastError().isEmpty() ? "-" : n.lastError()));
            if (dynamic) {
                cells.add(dash(n.dynamicRange()));
            }
            t.row(cells.toArray());
        }
        return t.render();
    }

    /** {@code *>} marks the best path, as in vtysh and gobgp. */
    static String routes(List<RouteView> routes) {
        if (routes.isEmpty()) {
            return "no routes\n";
        }
        // The "To" column only when a helper scoped a route to named peers: otherwise every route is for every peer.
        boolean scoped = routes.stream().anyMatch(RouteView::scoped);
        List<String> header = new ArrayList<>(List.of("", "Prefix", "Next hop", "From", "AS path", "Origin", "LocPrf",
                "MED", "Communities", "Reason"));
        if (scoped) {
            header.add("To");
        }
        Table t = new Table(header.toArray(String[]::new));
        for (RouteView r : routes) {
            List<Object> cells = new ArrayList<>(List.of(r.best() ? "*>" : "*", r.prefix(), list(r.nextHops()),
                    r.fromPeer(), dash(r.asPath()), r.origin(), optional(r.localPref()), optional(r.med()),
                    list(r.communities()), dash(r.bestReason())));
            if (scoped) {
                cells.add(!r.onlyTo().isEmpty() ? list(r.onlyTo())
                        : r.notTo().isEmpty() ? "all" : "all but " + list(r.notTo()));
            }
            t.row(cells.toArray());
        }
        return t.render();
    }

    static String fib(List<FibView> routes) {
        if (routes.isEmpty()) {
            return "no routes in the FIB\n";
        }
        Table t = new Table("Prefix", "Next hop", "Table", "Proto", "State", "Last error");
        for (FibView f : routes) {
            t.row(f.prefix(), list(f.nextHops()), f.table(), f.protocol(), f.state(), dash(f.lastError()));
        }
        return t.render();
    }

    /** vtysh's Up/Down: hh:mm:ss below a day, then 1d02h03m, then weeks. */
    static String duration(long seconds) {
        if (seconds < 0) {
            return "never";
        }
        long d = seconds / 86400;
        long h = seconds / 3600 % 24;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        if (d == 0) {
            return String.format("%02d:%02d:%02d", h, m, s);
        }
        if (d < 7) {
            return String.format("%dd%02dh%02dm", d, h, m);
        }
        return String.format("%dw%dd%02dh", d / 7, d % 7, h);
    }

    /** The addresses, then each family left without one, so a missing IPv6 next hop shows as {@code no ipv6 unicast}. */
    private static String nextHops(NeighborView n) {
        List<String> cells = new ArrayList<>(n.nextHops());
        n.noNextHop().forEach(f -> cells.add("no " + f));
        return list(cells);
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(",", values);
    }

    private static String dash(String value) {
        return value.isEmpty() ? "-" : value;
    }

    private static String optional(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }
}
