package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.inet.Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The receiving side of graceful restart (RFC 4724 §4.2) and long-lived graceful restart (RFC 9494) for the
 * {@link Rib}: stale marks per peer and family, their sweeps, and the move to LLGR_STALE. The public entry points
 * and their contracts are the {@link Rib} methods of the same names.
 */
final class GracefulRestartHelper {

    private final Rib rib;

    GracefulRestartHelper(Rib rib) {
        this.rib = rib;
    }

    void peerRestarting(PeerInfo peer, Set<Family> retained, Duration restartTime,
            Map<Family, Duration> llgrStaleTime) {
        PeerState s = rib.required(peer);
        s.newSession();
        s.llgrStaleTime.clear();
        s.llgrStaleTime.putAll(llgrStaleTime);
        List<Prefix> prefixes = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        BiConsumer<Prefix, Route> collect = (prefix, route) -> {
            prefixes.add(prefix);
            routes.add(route);
        };
        // With soft reconfiguration the routes as received are marked, rejected ones included: one the peer does
        // not send again must not come back on a later policy change.
        if (s.prePolicy != null) {
            s.prePolicy.forEach(collect);
        } else {
            rib.forEachRoute(peer, collect);
        }
        for (int i = 0; i < prefixes.size(); i++) {
            Prefix prefix = prefixes.get(i);
            Family family = PeerState.familyOf(prefix);
            if (retained.contains(family) || longLived(s, family)) {
                s.stale.computeIfAbsent(family, f -> new StalePaths()).mark(prefix, routes.get(i).pathId());
            } else {
                rib.withdraw(peer, prefix, routes.get(i).pathId());
            }
        }
        for (Family family : List.copyOf(s.stale.keySet())) {
            // Kept only for the long-lived phase (LLGR without GR for it), or no restart time: that phase starts now.
            if (restartTime.isZero() || !retained.contains(family)) {
                restartExpired(s, family);
            }
        }
    }

    void peerUp(PeerInfo peer, Set<Family> forwardingPreserved) {
        PeerState s = rib.state(peer);
        if (s == null) {
            return;
        }
        s.newSession();
        for (Family family : List.copyOf(s.stale.keySet())) {
            if (!forwardingPreserved.contains(family)) {
                sweep(s, family);
            }
        }
    }

    void endOfRib(PeerInfo peer, Family family) {
        PeerState s = rib.state(peer);
        if (s != null) {
            sweep(s, family);
        }
    }

    void restartTimerExpired(PeerInfo peer) {
        PeerState s = rib.state(peer);
        if (s == null) {
            return;
        }
        for (Map.Entry<Family, StalePaths> e : List.copyOf(s.stale.entrySet())) {
            if (!e.getValue().longLived) {
                restartExpired(s, e.getKey());
            }
        }
    }

    void llgrTimerExpired(PeerInfo peer, Family family) {
        PeerState s = rib.state(peer);
        if (s != null && s.stale.containsKey(family) && s.stale.get(family).longLived) {
            sweep(s, family);
        }
    }

    boolean isStale(PeerInfo peer, Prefix prefix, int pathId) {
        PeerState s = rib.state(peer);
        StalePaths sp = s == null ? null : s.stale.get(PeerState.familyOf(prefix));
        return sp != null && sp.isMarked(prefix, pathId);
    }

    Set<Family> staleFamilies(PeerInfo peer) {
        PeerState s = rib.state(peer);
        return s == null ? Set.of() : Set.copyOf(s.stale.keySet());
    }

    private static boolean longLived(PeerState s, Family family) {
        Duration d = s.llgrStaleTime.get(family);
        return d != null && d.isPositive();
    }

    private void restartExpired(PeerState s, Family family) {
        if (longLived(s, family)) {
            enterLongLived(s, family);
        } else {
            sweep(s, family);
        }
    }

    private void enterLongLived(PeerState s, Family family) {
        StalePaths sp = s.stale.get(family);
        sp.longLived = true;
        for (StalePaths.Mark m : sp.snapshot()) {
            Route r = rib.find(m.prefix(), s.peer, m.pathId());
            // A route import rejected is only in the pre-policy store; it stays marked for a later reapply.
            Route basis = r != null ? r : s.prePolicy == null ? null : s.prePolicy.get(m.prefix(), m.pathId());
            if (basis == null) {
                sp.unmark(m.prefix(), m.pathId());
                continue;
            }
            Communities c = basis.attributes().communities();
            if (c != null && c.contains(Communities.NO_LLGR)) {
                // RFC 9494 §4.2: the originator asked that this route not outlive the session's normal restart.
                sp.unmark(m.prefix(), m.pathId());
                rib.withdraw(s.peer, m.prefix(), m.pathId());
            } else if (r != null) {
                rib.put(m.prefix(), withLlgrStale(r));
            }
        }
        if (sp.size() == 0) {
            s.stale.remove(family);
        }
    }

    /** Removes every route of the family still marked stale, as if the peer had withdrawn it. */
    private void sweep(PeerState s, Family family) {
        StalePaths sp = s.stale.remove(family);
        if (sp == null) {
            return;
        }
        for (StalePaths.Mark m : sp.snapshot()) {
            rib.withdraw(s.peer, m.prefix(), m.pathId());
        }
    }

    void unmarkStale(PeerState s, Prefix prefix, int pathId) {
        if (s.stale.isEmpty()) {
            return;
        }
        StalePaths sp = s.stale.get(PeerState.familyOf(prefix));
        if (sp != null && sp.unmark(prefix, pathId) && sp.size() == 0) {
            s.stale.remove(PeerState.familyOf(prefix));
        }
    }

    /**
     * A route re-evaluated by {@link Rib#reapplyImport} while still long-lived stale keeps its LLGR_STALE mark, since
     * the pre-policy copy is the one received before the session went down.
     */
    Route keepLongLivedMark(PeerState s, Prefix prefix, Route route) {
        if (s.stale.isEmpty()) {
            return route;
        }
        StalePaths sp = s.stale.get(PeerState.familyOf(prefix));
        if (sp == null || !sp.longLived || !sp.isMarked(prefix, route.pathId())) {
            return route;
        }
        Communities c = route.attributes().communities();
        return c != null && c.contains(Communities.NO_LLGR) ? null : withLlgrStale(route);
    }

    private Route withLlgrStale(Route r) {
        Communities c = r.attributes().communities();
        if (c != null && c.contains(Communities.LLGR_STALE)) {
            return r;
        }
        int n = c == null ? 0 : c.size();
        int[] values = new int[n + 1];
        for (int i = 0; i < n; i++) {
            values[i] = c.get(i);
        }
        values[n] = Communities.LLGR_STALE;
        return r.withAttributes(rib.interner().intern(r.attributes().with(Communities.of(values))));
    }
}
