package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.MaxPrefixCounter;
import dev.podbgp.rib.policy.MaxPrefixVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The Adj-RIBs-In of all peers and the Loc-RIB (RFC 4271 §3.2, §9.1), driven by one thread.
 *
 * <p>Storage is per prefix: the candidate routes of every peer for that prefix sit together
 * ({@link PrefixEntry}), which is the union of the per-peer Adj-RIBs-In and exactly what the
 * decision process needs.
 * A prefix with one route stores just that route. Every operation reruns the decision process
 * for the prefixes it touched and tells the {@link RibListener}s about each prefix whose best
 * route or ECMP next-hop set changed.
 *
 * <p>Locally originated routes (the node's podCIDRs) win over learned ones: the decision chain
 * starts with {@link BestPathStep#LOCALLY_ORIGINATED}, as a Cisco/FRR weight of 32768 would.
 * They bypass import policy.
 *
 * <p>Import is per peer once the peer is registered with {@link #addPeer}: its {@link PeerImport} says which
 * policy, loop checks, max-prefix limits and soft reconfiguration apply; what the peer must act on comes back as
 * {@link PeerNotice}s. An unregistered peer gets the RIB-wide {@link ImportPolicy} and no limits. Graceful-restart
 * helper state (RFC 4724 §4.2, RFC 9494) is kept beside the routes, per peer and family; the caller owns the timers
 * and reports their expiry.
 *
 * <p>Not yet here: next-hop reachability (RFC 4271 §9.1.2 a: every next hop counts as
 * resolvable), route reflection and Adj-RIB-Out.
 */
public final class Rib {

    private final PeerInfo local;
    private final GracefulRestartHelper gracefulRestart = new GracefulRestartHelper(this);
    private final BestPath bestPath;
    private final ImportPolicy importPolicy;
    private final AttributeInterner interner = new AttributeInterner();
    private final RouteInterner routeInterner = new RouteInterner();
    private final PrefixTable<PrefixEntry> table = new PrefixTable<>();
    private final List<RibListener> listeners = new ArrayList<>();
    private final List<PeerNoticeListener> noticeListeners = new ArrayList<>();
    // Adj-RIB-In sizes, indexed by peer id + 1 (the local pseudo-peer at 0): max-prefix, show.
    private int[] routesPerPeer = new int[8];
    // Import state of registered peers, indexed like routesPerPeer; null for unregistered ones.
    private PeerState[] peers = new PeerState[8];

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

    public void addNoticeListener(PeerNoticeListener listener) {
        noticeListeners.add(listener);
    }

    // ---- peers ----

    /** Registers a peer's import settings; its routes then go through them instead of the RIB-wide policy. */
    public void addPeer(PeerInfo peer, PeerImport settings) {
        if (peer.isLocal()) {
            throw new IllegalArgumentException("the local pseudo-peer has no import");
        }
        int i = peer.id() + 1;
        if (i >= peers.length) {
            peers = Arrays.copyOf(peers, Math.max(i + 1, peers.length * 2));
        }
        if (peers[i] != null) {
            throw new IllegalStateException("peer " + peer.id() + " is already registered; use setImport");
        }
        peers[i] = new PeerState(peer, Objects.requireNonNull(settings));
    }

    /** The peer is deconfigured: its routes go and its settings are forgotten. */
    public void removePeer(PeerInfo peer) {
        peerDown(peer);
        int i = peer.id() + 1;
        if (i < peers.length) {
            peers[i] = null;
        }
    }

    /** The peer's current import settings, or null when it is not registered. */
    public PeerImport importOf(PeerInfo peer) {
        PeerState s = state(peer);
        return s == null ? null : s.settings;
    }

    /**
     * New import settings for a registered peer (a policy, allowas-in or limit change), applied to its routes as
     * {@link #reapplyImport} does. Turning soft reconfiguration on starts an empty pre-policy store, which only a
     * ROUTE-REFRESH fills.
     *
     * @return true when applied here; false when the caller must send ROUTE-REFRESH ({@link PeerNotice.RouteRefreshNeeded}
     *     was published too)
     */
    public boolean setImport(PeerInfo peer, PeerImport settings) {
        PeerState s = required(peer);
        // The routes as received under the old settings: turning soft reconfiguration off still reapplies once.
        PrePolicyRoutes received = s.prePolicy;
        s.configure(Objects.requireNonNull(settings));
        if (received == null) {
            notice(new PeerNotice.RouteRefreshNeeded(peer));
            return false;
        }
        reapply(s, received);
        return true;
    }

    /**
     * Runs import again over the peer's routes as received, after its policy changed (soft reconfiguration
     * inbound). Only real Loc-RIB changes are published: a route the new policy leaves alone changes nothing.
     *
     * @return false, with a {@link PeerNotice.RouteRefreshNeeded}, when the peer keeps no pre-policy routes; the
     *     caller then asks the peer to send them again (RFC 2918)
     */
    public boolean reapplyImport(PeerInfo peer) {
        PeerState s = required(peer);
        if (s.prePolicy == null) {
            notice(new PeerNotice.RouteRefreshNeeded(peer));
            return false;
        }
        reapply(s, s.prePolicy);
        return true;
    }

    private void reapply(PeerState s, PrePolicyRoutes received) {
        List<Prefix> prefixes = new ArrayList<>(received.size());
        List<Route> routes = new ArrayList<>(received.size());
        received.forEach((prefix, route) -> {
            prefixes.add(prefix);
            routes.add(route);
        });
        for (int i = 0; i < prefixes.size(); i++) {
            importRoute(s, prefixes.get(i), routes.get(i));
        }
    }

    /** The peer's import counters; zeros for an unregistered peer except the Adj-RIB-In size. */
    public ImportStats importStats(PeerInfo peer) {
        PeerState s = state(peer);
        if (s == null) {
            return new ImportStats(0, 0, 0, routeCount(peer), 0, 0);
        }
        return new ImportStats(s.accepted, s.rejected, s.refused, routeCount(peer),
                s.prePolicy == null ? 0 : s.prePolicy.size(), s.staleCount());
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
        PeerState s = state(peer);
        if (s != null) {
            // RFC 4724 §4.2: a route the restarted peer sends again is no longer stale.
            gracefulRestart.unmarkStale(s, prefix, pathId);
            if (s.prePolicy != null) {
                s.prePolicy.put(prefix, route);
            }
        }
        importRoute(s, prefix, route);
    }

    /**
     * Import of one received route: loop checks, policy, max-prefix admission, then the Loc-RIB. {@code s} is null
     * for an unregistered peer.
     */
    private void importRoute(PeerState s, Prefix prefix, Route route) {
        PeerInfo peer = route.peer();
        int pathId = route.pathId();
        Route accepted = isLooped(route, s) ? null : (s == null ? importPolicy : s.policy).apply(peer, prefix, route);
        if (accepted != null) {
            if (accepted.peer() != peer || accepted.pathId() != pathId) {
                throw new IllegalStateException("import policy changed the route's peer or path id");
            }
            if (accepted.attributes() != route.attributes()) {
                accepted = routeInterner.intern(peer, pathId, interner.intern(accepted.attributes()), accepted.nextHop());
            }
            if (s != null) {
                accepted = gracefulRestart.keepLongLivedMark(s, prefix, accepted);
            }
        }
        if (accepted == null) {
            if (s != null) {
                s.rejected++;
            }
            withdrawAccepted(peer, prefix, pathId);
            return;
        }
        if (s != null) {
            s.accepted++;
            if (!admit(s, prefix, pathId)) {
                return;
            }
        }
        put(prefix, accepted);
    }

    /** A peer withdraws its route (the path with this ADD-PATH id) for a prefix. */
    public void withdraw(PeerInfo peer, Prefix prefix, int pathId) {
        PeerState s = state(peer);
        if (s != null) {
            gracefulRestart.unmarkStale(s, prefix, pathId);
            if (s.prePolicy != null) {
                s.prePolicy.remove(prefix, pathId);
            }
        }
        withdrawAccepted(peer, prefix, pathId);
    }

    /** Removes a route from the Adj-RIB-In (after policy) and the Loc-RIB; the pre-policy copy stays. */
    private void withdrawAccepted(PeerInfo peer, Prefix prefix, int pathId) {
        switch (load(prefix)) {
            case null -> { }
            case Route r -> {
                if (r.peer().id() == peer.id() && r.pathId() == pathId) {
                    store(prefix, null);
                    count(peer, prefix, -1);
                    publish(new LocRibChange.Withdrawn(prefix));
                }
            }
            case PrefixPaths pp -> {
                Route oldBest = pp.decision().best();
                List<IpAddress> oldHops = pp.nextHops();
                if (pp.remove(peer, pathId)) {
                    count(peer, prefix, -1);
                    settle(prefix, pp, oldBest, oldHops);
                }
            }
        }
    }

    /**
     * The session with {@code peer} went down: all its routes go (RFC 4271 §8.2.2 and §9: the
     * Adj-RIB-In of a closed session is emptied). Walks the whole table once; graceful-restart
     * staleness, which keeps the routes, is a separate path.
     */
    public void peerDown(PeerInfo peer) {
        PeerState s = state(peer);
        if (s != null) {
            s.stale.clear();
            s.llgrStaleTime.clear();
            if (s.prePolicy != null) {
                s.prePolicy.clear();
            }
        }
        dropAll(peer);
        if (s != null) {
            s.newSession();
        }
    }

    private void dropAll(PeerInfo peer) {
        if (routeCount(peer) == 0) {
            return;
        }
        // Collect first, change after: the maps must not change while they are walked.
        long[][] v4 = {new long[64]};
        int[] n = {0};
        table.forEachIpv4Key((key, entry) -> {
            if (PrefixEntry.hasPeer(entry, peer)) {
                if (n[0] == v4[0].length) {
                    v4[0] = Arrays.copyOf(v4[0], n[0] * 2);
                }
                v4[0][n[0]++] = key;
            }
        });
        List<Ipv6Prefix> v6 = new ArrayList<>();
        table.forEachIpv6((prefix, entry) -> {
            if (PrefixEntry.hasPeer(entry, peer)) {
                v6.add(prefix);
            }
        });
        for (int i = 0; i < n[0]; i++) {
            dropPeerAt(Ipv4Prefix.fromLong(v4[0][i]), peer);
        }
        for (Ipv6Prefix p : v6) {
            dropPeerAt(p, peer);
        }
    }

    // ---- graceful restart helper (RFC 4724 §4.2) and long-lived graceful restart (RFC 9494) ----

    /**
     * The session with a registered peer went down, and the peer had announced Graceful Restart. Its routes of
     * the families in {@code preserved} (forwarding state kept, the F bit of its last OPEN) or with a positive
     * long-lived stale time stay and are marked stale; the others go now (RFC 4724 §4.2). Stale routes still
     * forward and still compete normally until the restart timer; a route the peer sends again sheds the mark.
     * A zero {@code restartTime} (LLGR without GR, RFC 9494 §4.2) moves the kept routes straight to the
     * long-lived phase. The caller starts the restart timer and reports it through {@link #restartTimerExpired}.
     *
     * @param llgrStaleTime the long-lived stale time per family from the peer's LLGR capability; absent or zero
     *     means no long-lived phase for that family
     */
    public void peerRestarting(PeerInfo peer, Set<Family> preserved, Duration restartTime,
            Map<Family, Duration> llgrStaleTime) {
        gracefulRestart.peerRestarting(peer, preserved, restartTime, llgrStaleTime);
    }

    /**
     * The session with the peer is up again. Stale routes of families the new OPEN does not preserve (absent from
     * its Graceful Restart capability, or the F bit clear) go at once (RFC 4724 §4.2); the others wait for their
     * End-of-RIB. Counters and max-prefix state start again.
     */
    public void peerUp(PeerInfo peer, Set<Family> preserved) {
        gracefulRestart.peerUp(peer, preserved);
    }

    /** End-of-RIB from the peer (RFC 4724 §2): what is still stale in that family was not sent again and goes. */
    public void endOfRib(PeerInfo peer, Family family) {
        gracefulRestart.endOfRib(peer, family);
    }

    /**
     * The restart timer of the peer ran out before it came back (RFC 4724 §4.2): stale routes go, except in
     * families with a long-lived stale time, whose routes enter the long-lived phase (RFC 9494 §4.2): each gets the
     * LLGR_STALE community, which makes it least preferred, and routes carrying NO_LLGR go instead. The caller then
     * starts one long-lived timer per such family and reports it through {@link #llgrTimerExpired}.
     */
    public void restartTimerExpired(PeerInfo peer) {
        gracefulRestart.restartTimerExpired(peer);
    }

    /** The long-lived stale timer of one family ran out (RFC 9494 §4.2): its LLGR-stale routes go. */
    public void llgrTimerExpired(PeerInfo peer, Family family) {
        gracefulRestart.llgrTimerExpired(peer, family);
    }

    /** Whether this route of the peer is kept from an earlier session (GR or LLGR stale), for {@code show}. */
    public boolean isStale(PeerInfo peer, Prefix prefix, int pathId) {
        return gracefulRestart.isStale(peer, prefix, pathId);
    }

    /** The families of the peer with stale routes still waiting, for the caller's timers and {@code show}. */
    public Set<Family> staleFamilies(PeerInfo peer) {
        return gracefulRestart.staleFamilies(peer);
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
        };
    }

    /** Every candidate route of a prefix, from all peers (the Adj-RIBs-In at that prefix). */
    public List<Route> routes(Prefix prefix) {
        return switch (load(prefix)) {
            case null -> List.of();
            case Route r -> List.of(r);
            case PrefixPaths pp -> pp.routes();
        };
    }

    /** How many routes this peer's Adj-RIB-In holds (all path ids counted). */
    public int routeCount(PeerInfo peer) {
        int i = peer.id() + 1;
        return i < routesPerPeer.length ? routesPerPeer[i] : 0;
    }

    /** Prefixes in the Loc-RIB. */
    public int prefixCount() {
        return table.size();
    }

    /** Visits every prefix that has at least one route, IPv4 first; for show and audits, not hot paths. */
    public void forEachPrefix(java.util.function.Consumer<Prefix> visitor) {
        table.forEach((prefix, entry) -> visitor.accept(prefix));
    }

    /** Visits this peer's Adj-RIB-In. */
    public void forEachRoute(PeerInfo peer, BiConsumer<Prefix, Route> visitor) {
        table.forEach((prefix, entry) -> PrefixEntry.forEachOf(entry, peer, prefix, visitor));
    }

    // ---- internals ----

    Route find(Prefix prefix, PeerInfo peer, int pathId) {
        return PrefixEntry.find(load(prefix), peer, pathId);
    }

    /**
     * Loops are not candidates (RFC 4271 §9.1.2: our AS in the AS_PATH, unless allowas-in lets it appear up to N
     * times; RFC 4456 §8: our own router id as ORIGINATOR_ID, a route we sent that a reflector bounced back, or our
     * CLUSTER_ID in the CLUSTER_LIST, a route that went round the cluster).
     */
    private boolean isLooped(Route route, PeerState s) {
        PathAttributes a = route.attributes();
        AsPath path = a.asPath();
        int allowAsIn = s == null ? 0 : s.settings.allowAsIn();
        if (path != null && (allowAsIn == 0 ? path.contains(local.asn()) : occurrences(path, local.asn()) > allowAsIn)) {
            return true;
        }
        OriginatorId originator = a.originatorId();
        if (originator != null && originator.id().equals(local.routerId())) {
            return true;
        }
        ClusterList clusters = a.clusterList();
        return s != null && clusters != null && s.settings.clusterId().isPresent()
                && clusters.contains(s.settings.clusterId().get());
    }

    private static int occurrences(AsPath path, long asn) {
        int n = 0;
        for (AsPathSegment seg : path.segments()) {
            for (int i = 0; i < seg.size(); i++) {
                if (seg.asn(i) == asn) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Max-prefix admission of a route that would be new in the peer's Adj-RIB-In (a replacement never changes the
     * count). Gives the verdicts to the notice listeners; refuses when the limit would be exceeded.
     */
    private boolean admit(PeerState s, Prefix prefix, int pathId) {
        Family family = PeerState.familyOf(prefix);
        MaxPrefixCounter counter = s.maxPrefix.isEmpty() ? null : s.maxPrefix.get(family);
        if (counter == null && !s.tornDown) {
            return true;
        }
        if (PrefixEntry.find(load(prefix), s.peer, pathId) != null) {
            return true;
        }
        if (s.tornDown) {
            s.refused++;
            return false;
        }
        MaxPrefixVerdict verdict = counter.observe(familyCount(s, family) + 1);
        switch (verdict) {
            case MaxPrefixVerdict.Ok ok -> {
                return true;
            }
            case MaxPrefixVerdict.Warn w -> {
                notice(new PeerNotice.MaxPrefix(s.peer, family, w));
                return true;
            }
            case MaxPrefixVerdict.TearDown t -> {
                // The session goes; until the caller says so (peerDown), nothing more of this peer gets in.
                s.tornDown = true;
                s.refused++;
                notice(new PeerNotice.MaxPrefix(s.peer, family, t));
                return false;
            }
            case MaxPrefixVerdict.StopAccepting stop -> {
                s.refused++;
                if (s.refusing.put(family, Boolean.TRUE) == null) {
                    notice(new PeerNotice.MaxPrefix(s.peer, family, stop));
                }
                return false;
            }
        }
    }

    private int familyCount(PeerState s, Family family) {
        return family.equals(Family.IPV6_UNICAST) ? s.ipv6Routes : routeCount(s.peer) - s.ipv6Routes;
    }

    PeerState state(PeerInfo peer) {
        int i = peer.id() + 1;
        return i < peers.length ? peers[i] : null;
    }

    PeerState required(PeerInfo peer) {
        PeerState s = state(peer);
        if (s == null) {
            throw new IllegalArgumentException("peer " + peer.id() + " (" + peer.address() + ") is not registered");
        }
        return s;
    }

    private void notice(PeerNotice n) {
        for (PeerNoticeListener l : noticeListeners) {
            l.onPeerNotice(n);
        }
    }

    void put(Prefix prefix, Route route) {
        switch (load(prefix)) {
            case null -> {
                store(prefix, route);
                count(route.peer(), prefix, +1);
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
                count(route.peer(), prefix, +1);
                store(prefix, pp);
                settle(prefix, pp, r, List.of(r.nextHop()));
            }
            case PrefixPaths pp -> {
                Route oldBest = pp.decision().best();
                List<IpAddress> oldHops = pp.nextHops();
                if (pp.put(route)) {
                    count(route.peer(), prefix, +1);
                }
                settle(prefix, pp, oldBest, oldHops);
            }
        }
    }

    private void dropPeerAt(Prefix prefix, PeerInfo peer) {
        switch (load(prefix)) {
            case null -> { }
            case Route r -> {
                if (r.peer().id() == peer.id()) {
                    store(prefix, null);
                    count(peer, prefix, -1);
                    publish(new LocRibChange.Withdrawn(prefix));
                }
            }
            case PrefixPaths pp -> {
                Route oldBest = pp.decision().best();
                List<IpAddress> oldHops = pp.nextHops();
                int removed = pp.removePeer(peer);
                if (removed > 0) {
                    count(peer, prefix, -removed);
                    settle(prefix, pp, oldBest, oldHops);
                }
            }
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

    private PrefixEntry load(Prefix prefix) {
        return table.get(prefix);
    }

    private void store(Prefix prefix, PrefixEntry entry) {
        table.set(prefix, entry);
    }

    private void count(PeerInfo peer, Prefix prefix, int delta) {
        int i = peer.id() + 1;
        if (i >= routesPerPeer.length) {
            routesPerPeer = Arrays.copyOf(routesPerPeer, Math.max(i + 1, routesPerPeer.length * 2));
        }
        routesPerPeer[i] += delta;
        PeerState s = state(peer);
        if (s == null) {
            return;
        }
        if (prefix instanceof Ipv6Prefix) {
            s.ipv6Routes += delta;
        }
        if (delta < 0) {
            Family family = PeerState.familyOf(prefix);
            MaxPrefixCounter counter = s.maxPrefix.get(family);
            if (counter != null) {
                // Below the mark again: re-arm the warning and the stop-accepting notice for the next climb.
                int n = familyCount(s, family);
                counter.observe(n);
                if (n < s.settings.maxPrefix().get(family).limit()) {
                    s.refusing.remove(family);
                }
            }
        }
    }

    private void publish(LocRibChange change) {
        for (RibListener l : listeners) {
            l.onLocRibChange(change);
        }
    }
}
