package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.LocRibView;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The configured aggregates and, for each, the Loc-RIB routes that contribute to it, kept up to date from the
 * Loc-RIB changes Adj-RIB-Out sees. An aggregate with at least one contributor has a route, a route of the node's
 * own (the local pseudo-peer) with the §9.2.2.2 attributes; the update groups that announce it export that route
 * like any other of ours. A change of a contributor that changes nothing of the aggregate's route is not reported.
 *
 * <p>A change says only the new best route, so the table keeps the routes of the prefixes inside some aggregate
 * (and of the aggregates' own prefixes) to know what a change replaces. That is the aggregated ranges, not the
 * Loc-RIB: nothing is kept while no aggregate is configured. Each change is checked against every aggregate: a
 * handful are configured (the cluster CIDR per family), so a list beats an index here.
 */
final class AggregateTable {

    private static final class Entry {
        final Aggregate aggregate;
        final AggregateContributors contributors = new AggregateContributors();
        /** The route announced now, null while nothing contributes. */
        Route route;
        /** {@link AggregateContributors#shape()} of {@link #route}. */
        int shape = -1;

        Entry(Aggregate aggregate) {
            this.aggregate = aggregate;
        }
    }

    private final NodeSettings node;
    private final PeerInfo local;
    private List<Aggregate> configured = List.of();
    private final Map<Prefix, Entry> byPrefix = new LinkedHashMap<>();
    /** The Loc-RIB's best route of every prefix inside an aggregate or equal to one. */
    private final Map<Prefix, Route> covered = new HashMap<>();

    AggregateTable(NodeSettings node) {
        this.node = node;
        this.local = PeerInfo.local(node.localAs(), node.routerId());
    }

    List<Aggregate> configured() {
        return configured;
    }

    /**
     * Replaces the aggregates and counts their contributors in {@code locRib} again.
     *
     * @return the prefixes whose aggregate route (or absence of one) may differ now: old and new aggregates
     * @throws IllegalArgumentException when two aggregates have the same prefix
     */
    Set<Prefix> configure(List<Aggregate> aggregates, LocRibView locRib) {
        Map<Prefix, Entry> next = new LinkedHashMap<>();
        for (Aggregate a : aggregates) {
            if (next.put(a.prefix(), new Entry(a)) != null) {
                throw new IllegalArgumentException("aggregate " + a.prefix() + " is configured twice");
            }
        }
        Set<Prefix> touched = new HashSet<>(byPrefix.keySet());
        touched.addAll(next.keySet());
        byPrefix.clear();
        byPrefix.putAll(next);
        covered.clear();
        configured = List.copyOf(aggregates);
        if (!byPrefix.isEmpty()) {
            locRib.forEachBest((prefix, route) -> onChange(prefix, route, p -> { }));
        }
        return touched;
    }

    /**
     * One Loc-RIB change: {@code after} is the prefix's best route now (null: none). {@code changed} is told the
     * prefix of each aggregate whose route changed.
     */
    void onChange(Prefix prefix, Route after, Consumer<Prefix> changed) {
        if (byPrefix.isEmpty() || !covers(prefix)) {
            return;
        }
        Route before = after == null ? covered.remove(prefix) : covered.put(prefix, after);
        for (Entry e : byPrefix.values()) {
            if (!e.aggregate.coversMoreSpecific(prefix)) {
                continue;
            }
            if (before != null) {
                e.contributors.remove(before);
            }
            if (after != null) {
                e.contributors.add(after);
            }
            int shape = e.contributors.shape();
            if (shape != e.shape) {
                e.shape = shape;
                e.route = shape < 0 ? null : routeWith(e.aggregate.prefix(), e.contributors.attributes(node));
                changed.accept(e.aggregate.prefix());
            }
        }
    }

    private boolean covers(Prefix prefix) {
        for (Prefix a : byPrefix.keySet()) {
            if (a.contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The aggregate's route now, or null while nothing contributes to it (or no aggregate has that prefix). */
    Route route(Prefix aggregate) {
        Entry e = byPrefix.get(aggregate);
        return e == null ? null : e.route;
    }

    /** The Loc-RIB's own best route for an aggregate's prefix, which groups without that aggregate send; or null. */
    Route locRibRoute(Prefix aggregate) {
        return covered.get(aggregate);
    }

    /** The aggregates announced to {@code peer}, in configuration order. */
    AggregateSelection selectionFor(OutboundPeer peer) {
        if (configured.isEmpty()) {
            return AggregateSelection.NONE;
        }
        List<Aggregate> out = new ArrayList<>();
        for (Aggregate a : configured) {
            if (a.peers().selects(peer)) {
                out.add(a);
            }
        }
        return out.isEmpty() ? AggregateSelection.NONE : new AggregateSelection(out);
    }

    /** As {@code Rib.originate} does for the node's own routes: no learned next hop, 0.0.0.0 or :: for "this node". */
    private Route routeWith(Prefix prefix, PathAttributes attributes) {
        return new Route(local, 0, attributes, switch (prefix) {
            case Ipv4Prefix p -> Ipv4Address.ANY;
            case Ipv6Prefix p -> Ipv6Address.ANY;
        });
    }
}
