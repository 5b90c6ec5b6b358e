package dev.podbgp.rib;

import dev.podbgp.inet.IpAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The candidate routes of one prefix once it has more than one, with the cached decision. A
 * prefix with a single route stores that {@link Route} directly instead: the common case (one
 * upstream) then costs no object beyond the route itself.
 *
 * <p>Without ECMP the decision is kept as its best route and step, and the {@link Decision} and
 * next-hop list are built when asked for: retaining them cost three more objects per prefix (48
 * of 112 bytes with two peers), which the GC copied on every full-table load.
 */
final class PrefixPaths implements PrefixEntry {

    private Route[] routes;
    private int count;
    private Route best;
    private BestPathStep decidedBy;
    // Only with more than one equal-cost route; null otherwise.
    private Decision ecmpDecision;
    private List<IpAddress> ecmpNextHops;

    PrefixPaths(Route a, Route b) {
        routes = new Route[] {a, b};
        count = 2;
    }

    int count() {
        return count;
    }

    Route get(int i) {
        return routes[i];
    }

    Route only() {
        if (count != 1) {
            throw new IllegalStateException(count + " routes");
        }
        return routes[0];
    }

    private int indexOf(PeerInfo peer, int pathId) {
        for (int i = 0; i < count; i++) {
            Route r = routes[i];
            if (r.peer().id() == peer.id() && r.pathId() == pathId) {
                return i;
            }
        }
        return -1;
    }

    /** The route of this peer and path id, or null. */
    Route find(PeerInfo peer, int pathId) {
        int i = indexOf(peer, pathId);
        return i < 0 ? null : routes[i];
    }

    /** Replaces the route with the same peer and path id, or adds it; true when it was added. */
    boolean put(Route route) {
        int i = indexOf(route.peer(), route.pathId());
        if (i >= 0) {
            routes[i] = route;
            return false;
        }
        if (count == routes.length) {
            routes = Arrays.copyOf(routes, count * 2);
        }
        routes[count++] = route;
        return true;
    }

    /** Removes the route of this peer and path id; true when there was one. */
    boolean remove(PeerInfo peer, int pathId) {
        int i = indexOf(peer, pathId);
        if (i < 0) {
            return false;
        }
        routes[i] = routes[--count];
        routes[count] = null;
        return true;
    }

    /** Removes every route of this peer (all its ADD-PATH paths); returns how many. */
    int removePeer(PeerInfo peer) {
        int removed = 0;
        for (int i = count - 1; i >= 0; i--) {
            if (routes[i].peer().id() == peer.id()) {
                routes[i] = routes[--count];
                routes[count] = null;
                removed++;
            }
        }
        return removed;
    }

    boolean hasPeer(PeerInfo peer) {
        for (int i = 0; i < count; i++) {
            if (routes[i].peer().id() == peer.id()) {
                return true;
            }
        }
        return false;
    }

    void decide(BestPath bestPath) {
        Decision d = bestPath.select(routes, count);
        best = d.best();
        decidedBy = d.decidedBy();
        boolean ecmp = d.multipath().size() > 1;
        ecmpDecision = ecmp ? d : null;
        ecmpNextHops = ecmp ? d.nextHops() : null;
    }

    Route best() {
        return best;
    }

    Decision decision() {
        return ecmpDecision != null ? ecmpDecision : new Decision(best, decidedBy, List.of(best));
    }

    /** The equal-cost routes while there is more than one, else null (nothing allocated). */
    List<Route> ecmpRoutes() {
        return ecmpDecision != null ? ecmpDecision.multipath() : null;
    }

    List<IpAddress> nextHops() {
        return ecmpNextHops != null ? ecmpNextHops : List.of(best.nextHop());
    }

    List<Route> routes() {
        return List.of(Arrays.copyOf(routes, count));
    }
}
