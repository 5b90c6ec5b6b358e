package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The Adj-RIBs-In of all peers and the Loc-RIB (RFC 4271 §3.2, §9.1), driven by one thread.
 *
 * <p>Storage is per prefix: the candidate routes of every peer for that prefix sit together,
 * which is the union of the per-peer Adj-RIBs-In and exactly what the decision process needs.
 * A prefix with one route stores just that route. Every operation reruns the decision process
 * for the prefixes it touched and tells the {@link RibListener}s about each prefix whose best
 * route or ECMP next-hop set changed.
 *
 * <p>Locally originated routes (the node's podCIDRs) win over learned ones: the decision chain
 * starts with {@link BestPathStep#LOCALLY_ORIGINATED}, as a Cisco/FRR weight of 32768 would.
 * They bypass import policy.
 *
 * <p>Not yet here: next-hop reachability (RFC 4271 §9.1.2 a: every next hop counts as
 * resolvable), route reflection and Adj-RIB-Out.
 */
public final class Rib {

    private final PeerInfo local;
    private final BestPath bestPath;
    private final ImportPolicy importPolicy;
    private final AttributeInterner interner = new AttributeInterner();
    private final RouteInterner routeInterner = new RouteInterner();
    private final Ipv4PrefixMap<Object> ipv4 = new Ipv4PrefixMap<>();
    private final Ipv6PrefixMap<Object> ipv6 = new Ipv6PrefixMap<>();
    private final List<RibListener> listeners = new ArrayList<>();
    // Adj-RIB-In sizes, indexed by peer id + 1 (the local pseudo-peer at 0): max-prefix, show.
    private int[] routesPerPeer = new int[8];

    public Rib(Ipv4Address routerId, BestPathOptions options, ImportPolicy importPolicy) {
        this.local = PeerInfo.local(options.localAs(), routerId);
        this.bestPath = new BestPath(options);
        this.importPolicy = Objects.requireNonNull(importPolicy);
    }

    public PeerInfo localPeer() {
        return local;
    }

    public BestPath bestPath() {
        return bestPath;
    }

    public AttributeInterner interner() {
        return interner;
    }

    public void addListener(RibListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RibListener listener) {
        listeners.remove(listener);
    }

    // ---- operations ----

    /**
     * A peer announces (or replaces, same path id) a route. {@code attributes} are the route's
     * attributes without the MP_REACH/MP_UNREACH carriers ({@link PathAttributes#withoutNlri()}).
     * A route the import policy rejects, or that loops, withdraws the one it would replace.
     */
    public void announce(PeerInfo peer, Prefix prefix, int pathId, PathAttributes attributes, IpAddress nextHop) {
        if (peer.isLocal()) {
            throw new IllegalArgumentException("local routes enter through originate()");
        }
        PathAttributes attrs = interner.intern(attributes);
        if (!peer.internal() && attrs.localPref() != null) {
            // RFC 4271 §5.1.5: LOCAL_PREF received from an external peer is ignored.
            attrs = interner.intern(attrs.without(AttributeType.LOCAL_PREF.code()));
        }
        Route route = routeInterner.intern(peer, pathId, attrs, Objects.requireNonNull(nextHop));
        Route accepted = isLooped(route) ? null : importPolicy.apply(peer, prefix, route);
        if (accepted == null) {
            withdraw(peer, prefix, pathId);
            return;
        }
        if (accepted.peer() != peer || accepted.pathId() != pathId) {
            throw new IllegalStateException("import policy changed the route's peer or path id");
        }
        if (accepted.attributes() != attrs) {
            accepted = routeInterner.intern(peer, pathId, interner.intern(accepted.attributes()), accepted.nextHop());
        }
        put(prefix, accepted);
    }

    /** A peer withdraws its route (the path with this ADD-PATH id) for a prefix. */
    public void withdraw(PeerInfo peer, Prefix prefix, int pathId) {
        Object old = load(prefix);
        switch (old) {
            case null -> { }
            case Route r -> {
                if (r.peer().id() == peer.id() && r.pathId() == pathId) {
                    store(prefix, null);
                    count(peer, -1);
                    publish(new LocRibChange.Withdrawn(prefix));
                }
            }
            case PrefixPaths pp -> {
                Route oldBest = pp.decision().best();
                List<IpAddress> oldHops = pp.nextHops();
                if (pp.remove(peer, pathId)) {
                    count(peer, -1);
                    settle(prefix, pp, oldBest, oldHops);
                }
            }
            default -> throw new IllegalStateException(old.toString());
        }
    }

    /**
     * The session with {@code peer} went down: all its routes go (RFC 4271 §8.2.2 and §9: the
     * Adj-RIB-In of a closed session is emptied). Walks the whole table once; graceful-restart
     * staleness, which keeps the routes, is a separate path.
     */
    public void peerDown(PeerInfo peer) {
        if (routeCount(peer) == 0) {
            return;
        }
        // Collect first, change after: the maps must not change while they are walked.
        long[][] v4 = {new long[64]};
        int[] n = {0};
        ipv4.forEach((key, entry) -> {
            if (holds(entry, peer)) {
                if (n[0] == v4[0].length) {
                    v4[0] = Arrays.copyOf(v4[0], n[0] * 2);
                }
                v4[0][n[0]++] = key;
            }
        });
        List<Ipv6Prefix> v6 = new ArrayList<>();
        ipv6.forEach((prefix, entry) -> {
            if (holds(entry, peer)) {
                v6.add(prefix);
            }
        });
        for (int i = 0; i < n[0]; i++) {
            removePeer(Ipv4Prefix.fromLong(v4[0][i]), peer);
        }
        for (Ipv6Prefix p : v6) {
            removePeer(p, peer);
        }
    }

    /**
     * The node originates a route for one of its own prefixes (a podCIDR). It has no learned
     * next hop: 0.0.0.0 or :: stand for "this node". It beats any learned route for the prefix.
     */
    public void originate(Prefix prefix, PathAttributes attributes) {
        IpAddress self = switch (prefix) {
            case Ipv4Prefix p -> Ipv4Address.ANY;
            case Ipv6Prefix p -> Ipv6Address.ANY;
        };
        put(prefix, routeInterner.intern(local, 0, interner.intern(attributes), self));
    }

    public void withdrawOriginated(Prefix prefix) {
        withdraw(local, prefix, 0);
    }

    // ---- queries ----

    /** The Loc-RIB entry of a prefix, or null when no route is known. */
    public Decision decision(Prefix prefix) {
        return switch (load(prefix)) {
            case null -> null;
            case Route r -> new Decision(r, BestPathStep.ONLY_PATH, List.of(r));
            case PrefixPaths pp -> pp.decision();
            default -> throw new IllegalStateException();
        };
    }

    /** Every candidate route of a prefix, from all peers (the Adj-RIBs-In at that prefix). */
    public List<Route> routes(Prefix prefix) {
        return switch (load(prefix)) {
            case null -> List.of();
            case Route r -> List.of(r);
            case PrefixPaths pp -> pp.routes();
            default -> throw new IllegalStateException();
        };
    }

    /** How many routes this peer's Adj-RIB-In holds (all path ids counted). */
    public int routeCount(PeerInfo peer) {
        int i = peer.id() + 1;
        return i < routesPerPeer.length ? routesPerPeer[i] : 0;
    }

    /** Prefixes in the Loc-RIB. */
    public int prefixCount() {
        return ipv4.size() + ipv6.size();
    }

    /** Visits this peer's Adj-RIB-In. */
    public void forEachRoute(PeerInfo peer, BiConsumer<Prefix, Route> visitor) {
        ipv4.forEach((key, entry) -> visitPeer(Ipv4Prefix.fromLong(key), entry, peer, visitor));
        ipv6.forEach((prefix, entry) -> visitPeer(prefix, entry, peer, visitor));
    }

    // ---- internals ----

    /**
     * Loops are not candidates (RFC 4271 §9.1.2: our AS in the AS_PATH; RFC 4456 §8: our own
     * router id as ORIGINATOR_ID, a route we sent that a reflector bounced back).
     */
    private boolean isLooped(Route route) {
        AsPath path = route.attributes().asPath();
        if (path != null && path.contains(local.asn())) {
            return true;
        }
        OriginatorId originator = route.attributes().originatorId();
        return originator != null && originator.id().equals(local.routerId());
    }

    private void put(Prefix prefix, Route route) {
        Object old = load(prefix);
        switch (old) {
            case null -> {
                store(prefix, route);
                count(route.peer(), +1);
                publish(new LocRibChange.Selected(prefix, new Decision(route, BestPathStep.ONLY_PATH,
                        List.of(route)), List.of(route.nextHop())));
            }
            case Route r when r.peer().id() == route.peer().id() && r.pathId() == route.pathId() -> {
                if (!r.equals(route)) {
                    store(prefix, route);
                    publish(new LocRibChange.Selected(prefix, new Decision(route, BestPathStep.ONLY_PATH,
                            List.of(route)), List.of(route.nextHop())));
                }
            }
            case Route r -> {
                PrefixPaths pp = new PrefixPaths(r, route);
                count(route.peer(), +1);
                store(prefix, pp);
                settle(prefix, pp, r, List.of(r.nextHop()));
            }
            case PrefixPaths pp -> {
                Route oldBest = pp.decision().best();
                List<IpAddress> oldHops = pp.nextHops();
                if (pp.put(route)) {
                    count(route.peer(), +1);
                }
                settle(prefix, pp, oldBest, oldHops);
            }
            default -> throw new IllegalStateException(old.toString());
        }
    }

    private void removePeer(Prefix prefix, PeerInfo peer) {
        switch (load(prefix)) {
            case Route r when r.peer().id() == peer.id() -> {
                store(prefix, null);
                count(peer, -1);
                publish(new LocRibChange.Withdrawn(prefix));
            }
            case PrefixPaths pp -> {
                Route oldBest = pp.decision().best();
                List<IpAddress> oldHops = pp.nextHops();
                int removed = pp.removePeer(peer);
                if (removed > 0) {
                    count(peer, -removed);
                    settle(prefix, pp, oldBest, oldHops);
                }
            }
            case null, default -> { }
        }
    }

    /** Reruns the decision for a multi-route prefix and publishes when forwarding or best changed. */
    private void settle(Prefix prefix, PrefixPaths pp, Route oldBest, List<IpAddress> oldHops) {
        if (pp.count() == 0) {
            store(prefix, null);
            publish(new LocRibChange.Withdrawn(prefix));
            return;
        }
        Decision decision;
        List<IpAddress> hops;
        if (pp.count() == 1) {
            Route only = pp.only();
            store(prefix, only);
            decision = new Decision(only, BestPathStep.ONLY_PATH, List.of(only));
            hops = List.of(only.nextHop());
        } else {
            pp.decide(bestPath);
            decision = pp.decision();
            hops = pp.nextHops();
        }
        if (!decision.best().equals(oldBest) || !hops.equals(oldHops)) {
            publish(new LocRibChange.Selected(prefix, decision, hops));
        }
    }

    private static boolean holds(Object entry, PeerInfo peer) {
        return switch (entry) {
            case Route r -> r.peer().id() == peer.id();
            case PrefixPaths pp -> pp.hasPeer(peer);
            default -> false;
        };
    }

    private static void visitPeer(Prefix prefix, Object entry, PeerInfo peer, BiConsumer<Prefix, Route> visitor) {
        switch (entry) {
            case Route r when r.peer().id() == peer.id() -> visitor.accept(prefix, r);
            case PrefixPaths pp -> {
                for (int i = 0; i < pp.count(); i++) {
                    if (pp.get(i).peer().id() == peer.id()) {
                        visitor.accept(prefix, pp.get(i));
                    }
                }
            }
            default -> { }
        }
    }

    private Object load(Prefix prefix) {
        return switch (prefix) {
            case Ipv4Prefix p -> ipv4.get(p.toLong());
            case Ipv6Prefix p -> ipv6.get(p);
        };
    }

    private void store(Prefix prefix, Object entry) {
        switch (prefix) {
            case Ipv4Prefix p -> {
                if (entry == null) {
                    ipv4.remove(p.toLong());
                } else {
                    ipv4.put(p.toLong(), entry);
                }
            }
            case Ipv6Prefix p -> {
                if (entry == null) {
                    ipv6.remove(p);
                } else {
                    ipv6.put(p, entry);
                }
            }
        }
    }

    private void count(PeerInfo peer, int delta) {
        int i = peer.id() + 1;
        if (i >= routesPerPeer.length) {
            routesPerPeer = Arrays.copyOf(routesPerPeer, Math.max(i + 1, routesPerPeer.length * 2));
        }
        routesPerPeer[i] += delta;
    }

    private void publish(LocRibChange change) {
        for (RibListener l : listeners) {
            l.onLocRibChange(change);
        }
    }
}
