package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The receiving side of enhanced route refresh (RFC 7313 §4) for the {@link Rib}: a peer's BoRR marks its routes of
 * the family stale, what it sends again before the EoRR sheds the mark, and the EoRR (or, failing one, the caller's
 * timer) removes what is still marked. The marks live beside the routes in {@link StalePaths}, as graceful restart's
 * do, and apart from them: a peer can refresh a family while routes kept from its restart still wait for End-of-RIB,
 * and each sweep removes only its own marks. The public entry points and their contracts are the {@link Rib} methods
 * of the same names.
 */
final class EnhancedRefreshHelper {

    /** One refresh in progress: its marks, and the id the caller's timer names it by. */
    record Round(long id, StalePaths marks) {
    }

    private final Rib rib;

    EnhancedRefreshHelper(Rib rib) {
        this.rib = rib;
    }

    void beginRefresh(PeerInfo peer, Family family, long round) {
        PeerState s = rib.state(peer);
        if (s == null) {
            return;
        }
        StalePaths marks = new StalePaths();
        BiConsumer<Prefix, Route> mark = (prefix, route) -> {
            if (PeerState.familyOf(prefix).equals(family)) {
                marks.mark(prefix, route.pathId());
            }
        };
        // With soft reconfiguration the routes as received are marked, rejected ones included: one the peer does
        // not send again must not come back on a later policy change.
        if (s.prePolicy != null) {
            s.prePolicy.forEach(mark);
        } else {
            rib.forEachRoute(peer, mark);
        }
        // A second BoRR before the EoRR starts the refresh again: everything the peer has now must come again.
        s.refreshing.put(family, new Round(round, marks));
    }

    /** @return how many routes the EoRR removed; an EoRR without a BoRR before it removes nothing */
    int endRefresh(PeerInfo peer, Family family) {
        PeerState s = rib.state(peer);
        return s == null ? 0 : sweep(s, family);
    }

    /** Whether {@code round} is the family's refresh under way, not one that ended or a newer BoRR replaced. */
    boolean isCurrent(PeerInfo peer, Family family, long round) {
        PeerState s = rib.state(peer);
        Round r = s == null ? null : s.refreshing.get(family);
        return r != null && r.id() == round;
    }

    boolean isStale(PeerInfo peer, Prefix prefix, int pathId) {
        PeerState s = rib.state(peer);
        Round r = s == null ? null : s.refreshing.get(PeerState.familyOf(prefix));
        return r != null && r.marks().isMarked(prefix, pathId);
    }

    /** RFC 7313 §4: a route the peer sends (or withdraws) during the refresh is current, whatever came before. */
    void unmark(PeerState s, Prefix prefix, int pathId) {
        if (s.refreshing.isEmpty()) {
            return;
        }
        Round r = s.refreshing.get(PeerState.familyOf(prefix));
        if (r != null) {
            r.marks().unmark(prefix, pathId);
        }
    }

    /** Removes the routes of the family still marked, as if the peer had withdrawn them. */
    private int sweep(PeerState s, Family family) {
        Round r = s.refreshing.remove(family);
        if (r == null) {
            return 0;
        }
        List<StalePaths.Mark> left = r.marks().snapshot();
        for (StalePaths.Mark m : left) {
            rib.withdraw(s.peer, m.prefix(), m.pathId());
        }
        return left.size();
    }
}
