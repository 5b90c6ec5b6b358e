package dev.podbgp.rib;

import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * One peer's routes as received, before import policy (soft reconfiguration inbound). Only peers configured for
 * it have one. A prefix with one path stores its {@link Route} itself, several ADD-PATH paths a {@code Route[]};
 * the attribute sets are the interned ones the Loc-RIB shares, so a route costs its slot and one Route.
 */
final class PrePolicyRoutes {

    private final PrefixTable<Object> table = new PrefixTable<>();
    private int size;

    int size() {
        return size;
    }

    void trimToSize() {
        table.trimToSize();
    }

    void put(Prefix prefix, Route route) {
        Object old = load(prefix);
        switch (old) {
            case null -> {
                store(prefix, route);
                size++;
            }
            case Route r when r.pathId() == route.pathId() -> store(prefix, route);
            case Route r -> {
                store(prefix, new Route[] {r, route});
                size++;
            }
            case Route[] rs -> {
                for (int i = 0; i < rs.length; i++) {
                    if (rs[i].pathId() == route.pathId()) {
                        rs[i] = route;
                        return;
                    }
                }
                Route[] grown = Arrays.copyOf(rs, rs.length + 1);
                grown[rs.length] = route;
                store(prefix, grown);
                size++;
            }
            default -> throw new IllegalStateException(old.toString());
        }
    }

    /** The route of this path id as received, or null. */
    Route get(Prefix prefix, int pathId) {
        return switch (load(prefix)) {
            case Route r when r.pathId() == pathId -> r;
            case Route[] rs -> {
                for (Route r : rs) {
                    if (r.pathId() == pathId) {
                        yield r;
                    }
                }
                yield null;
            }
            case null, default -> null;
        };
    }

    void remove(Prefix prefix, int pathId) {
        Object old = load(prefix);
        switch (old) {
            case Route r when r.pathId() == pathId -> {
                store(prefix, null);
                size--;
            }
            case Route[] rs -> {
                for (int i = 0; i < rs.length; i++) {
                    if (rs[i].pathId() == pathId) {
                        Route[] left = new Route[rs.length - 1];
                        System.arraycopy(rs, 0, left, 0, i);
                        System.arraycopy(rs, i + 1, left, i, rs.length - i - 1);
                        store(prefix, left.length == 1 ? left[0] : left);
                        size--;
                        return;
                    }
                }
            }
            case null, default -> { }
        }
    }

    void clear() {
        table.clear();
        size = 0;
    }

    /** Visits every stored route; the table must not change meanwhile. */
    void forEach(BiConsumer<Prefix, Route> visitor) {
        table.forEach((p, v) -> visit(p, v, visitor));
    }

    private static void visit(Prefix prefix, Object v, BiConsumer<Prefix, Route> visitor) {
        switch (v) {
            case Route r -> visitor.accept(prefix, r);
            case Route[] rs -> {
                for (Route r : rs) {
                    visitor.accept(prefix, r);
                }
            }
            default -> throw new IllegalStateException(v.toString());
        }
    }

    private Object load(Prefix prefix) {
        return table.get(prefix);
    }

    private void store(Prefix prefix, Object v) {
        table.set(prefix, v);
    }
}
