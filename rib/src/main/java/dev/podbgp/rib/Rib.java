package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Adj-RIBs-In of all peers and the Loc-RIB (RFC 4271 §3.2, §9.1), driven by one thread.
 *
 * <p>Storage is per prefix: the candidate routes of every peer for that prefix sit together ({@link PrefixEntry}),
 * which is the union of the per-peer Adj-RIBs-In and exactly what the decision process needs. A prefix with one
 * route stores just that route. Every operation reruns the decision process for the prefixes it touched and tells
 * the {@link RibListener}s about each prefix whose best route or ECMP next-hop set changed; Adj-RIB-Out and route
 * reflection are such a listener ({@code dev.podbgp.rib.out}), the FIB writer another.
 *
 * <p>Locally originated routes (the node's podCIDRs) win over learned ones: the decision chain
 * starts with {@link BestPathStep#LOCALLY_ORIGINATED}, as a Cisco/FRR weight of 32768 would.
 * They bypass import.
 *
 * <p>Every peer is registered with {@link #addPeer} before it announces anything: its {@link PeerImport} says which
 * policy, loop checks, max-prefix limits and soft reconfiguration apply ({@link ImportAdmission} applies them); what
 * the peer must act on comes back as {@link PeerNotice}s. Graceful-restart helper state (RFC 4724 §4.2, RFC 9494) is
 * kept beside the routes, per peer and family, and so are the stale marks of an enhanced route refresh (RFC 7313
 * §4); the caller owns the timers and reports their expiry.
 *
 * <p>Not here: next-hop reachability. RFC 4271 §9.1.2 excludes a route whose NEXT_HOP cannot be resolved; here
 * every next hop counts as resolvable.
 */
public final class Rib implements LocRibView {

    private final PeerInfo local;
    private final BestPath bestPath;
    private final AttributeInterner interner = new AttributeInterner();
    private final RouteInterner routeInterner = new RouteInterner();
    private final PrefixTable<PrefixEntry> table = new PrefixTable<>();
    private final GracefulRestartHelper gracefulRestart = new GracefulRestartHelper(this);
    private final EnhancedRefreshHelper enhancedRefresh = new EnhancedRefreshHelper(this);
    private final LocalOrigins origins = new LocalOrigins(this);
    private final ImportAdmission admission;
    private final List<RibListener> listeners = new ArrayList<>();
    private final List<PeerNoticeListener> noticeListeners = new ArrayList<>();
    // Registered peers, indexed by peer id + 1 (slot 0 stays empty: the local pseudo-peer has no import).
    private PeerState[] peers = new PeerState[8];
    private int localRoutes;

    public Rib(Ipv4Address routerId, BestPathOptions options) {
        this.local = PeerInfo.local(options.localAs(), routerId);
        this.bestPath = new BestPath(options);
        this.admission = new ImportAdmission(local, interner, routeInterner, table, gracefulRestart, this::notice);
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

    /** Registers a peer and its import settings; only then may it announce routes. */
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

    /**
     * The peer is deconfigured: its routes go and its settings are forgotten, and so is what scoped originations
     * said to its address ({@link #originate(Prefix, PathAttributes, PeerScope)}). Nothing else for a peer never
     * registered.
     */
    public void removePeer(PeerInfo peer) {
        peerDown(peer);
        origins.peerRemoved(peer.address());
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
     * ROUTE-REFRESH fills. A change of this node's own podCIDRs alone ({@link OwnPodCidrChange}) is applied to the
     * stored routes without asking the peer, unless it refused a route for a podCIDR we no longer have.
     *
     * @return true when applied here; false when the caller must send ROUTE-REFRESH
     *     ({@link PeerNotice.RouteRefreshNeeded} was published too)
     */
    public boolean setImport(PeerInfo peer, PeerImport settings) {
        PeerState s = required(peer);
        // The routes as received under the old settings: turning soft reconfiguration off still reapplies once.
        PrePolicyRoutes received = s.prePolicy;
        PeerImport before = s.settings;
        s.configure(Objects.requireNonNull(settings));
        if (received != null) {
            reapply(s, received);
            return true;
        }
        if (OwnPodCidrChange.isOnlyChange(before, settings)) {
            dropNowOwn(s);
            if (!OwnPodCidrChange.needsRefresh(s.refusedAsOwn, settings.pipeline().guard())) {
                return true;
            }
        }
        notice(new PeerNotice.RouteRefreshNeeded(peer));
        return false;
    }

    /** Withdraws the peer's stored routes that overlap one of our podCIDRs now. */
    private void dropNowOwn(PeerState s) {
        var guard = s.settings.pipeline().guard();
        List<Prefix> prefixes = new ArrayList<>();
        List<Integer> pathIds = new ArrayList<>();
        forEachRoute(s.peer, (prefix, route) -> {
            if (!guard.ownOverlapping(prefix).isEmpty()) {
                prefixes.add(prefix);
                pathIds.add(route.pathId());
            }
        });
        for (int i = 0; i < prefixes.size(); i++) {
            s.refusedAsOwn.addAll(guard.ownOverlapping(prefixes.get(i)));
            s.rejected++;
            withdraw(s.peer, prefixes.get(i), pathIds.get(i));
        }
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

    /** A registered peer's import counters since its session came up. */
    public ImportStats importStats(PeerInfo peer) {
        PeerState s = required(peer);
        return new ImportStats(s.accepted, s.rejected, s.refused, s.routeCount(),
                s.prePolicy == null ? 0 : s.prePolicy.size(), s.staleCount());
    }

    // ---- operations ----

    /**
     * A registered peer announces (or replaces, same path id) a route. {@code attributes} are the route's
     * attributes without the MP_REACH/MP_UNREACH carriers ({@link PathAttributes#withoutNlri()}).
     * A route that import drops withdraws the one it would replace.
     */
    public void announce(PeerInfo peer, Prefix prefix, int pathId, PathAttributes attributes, IpAddress nextHop) {
        announce(peer, prefix, pathId, attributes, nextHop, null);
    }

    /**
     * Like {@link #announce(PeerInfo, Prefix, int, PathAttributes, IpAddress)} for an IPv6 route that came with a
     * link-local next hop beside the global one (RFC 2545 §3); {@code linkLocal} may be null.
     */
    public void announce(PeerInfo peer, Prefix prefix, int pathId, PathAttributes attributes, IpAddress nextHop,
            Ipv6Address linkLocal) {
        if (peer.isLocal()) {
            throw new IllegalArgumentException("local routes enter through originate()");
        }
        PeerState s = required(peer);
        Route route = admission.received(peer, pathId, attributes, nextHop, linkLocal);
        // RFC 4724 §4.2: a route the restarted peer sends again is no longer stale; RFC 7313 §4 the same in a refresh.
        gracefulRestart.unmarkStale(s, prefix, pathId);
        enhancedRefresh.unmark(s, prefix, pathId);
        if (s.prePolicy != null) {
            s.prePolicy.put(prefix, route);
        }
        importRoute(s, prefix, route);
    }

    /** Import of one received route ({@link ImportAdmission}), then the Loc-RIB. */
    private void importRoute(PeerState s, Prefix prefix, Route received) {
        Route accepted = admission.accept(s, prefix, received);
        if (accepted == null) {
            withdrawAccepted(s.peer, prefix, received.pathId());
        } else if (admission.admit(s, prefix, accepted.pathId())) {
            put(prefix, accepted);
        }
    }

    /** A registered peer withdraws its route (the path with this ADD-PATH id) for a prefix. */
    public void withdraw(PeerInfo peer, Prefix prefix, int pathId) {
        PeerState s = required(peer);
        gracefulRestart.unmarkStale(s, prefix, pathId);
        enhancedRefresh.unmark(s, prefix, pathId);
        if (s.prePolicy != null) {
            s.prePolicy.remove(prefix, pathId);
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
                List<Route> oldMultipath = pp.ecmpRoutes();
                if (pp.remove(peer, pathId)) {
                    count(peer, prefix, -1);
                    settle(prefix, pp, oldBest, oldHops, oldMultipath);
                }
            }
        }
    }

    /**
     * The session with {@code peer} went down: all its routes go (RFC 4271 §8.2.2 and §9: the
     * Adj-RIB-In of a closed session is emptied). Walks the whole table once; graceful-restart
     * staleness, which keeps the routes, is a separate path. Nothing for a peer not registered.
     */
    public void peerDown(PeerInfo peer) {
        PeerState s = state(peer);
        if (s == null) {
            return;
        }
        s.stale.clear();
        s.llgrStaleTime.clear();
        if (s.prePolicy != null) {
            s.prePolicy.clear();
        }
        dropAll(s);
        s.newSession();
    }

    private void dropAll(PeerState s) {
        if (s.routeCount() == 0) {
            return;
        }
        PeerInfo peer = s.peer;
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
     * the families in {@code retained} (every family its last Graceful Restart capability listed, whatever its
     * Forwarding State bit said) or with a positive long-lived stale time stay and are marked stale; the others go
     * now (RFC 4724 §4.2). Stale routes still forward and still compete normally until the restart timer; a route
     * the peer sends again sheds the mark. A zero {@code restartTime} (LLGR without GR, RFC 9494 §4.2) moves the
     * kept routes straight to the long-lived phase. The caller starts the restart timer and reports it through
     * {@link #restartTimerExpired}.
     *
     * @param llgrStaleTime the long-lived stale time per family from the peer's LLGR capability; absent or zero
     *     means no long-lived phase for that family
     */
    public void peerRestarting(PeerInfo peer, Set<Family> retained, Duration restartTime,
            Map<Family, Duration> llgrStaleTime) {
        gracefulRestart.peerRestarting(peer, retained, restartTime, llgrStaleTime);
    }

    /**
     * The session with the peer is up again. Stale routes of families outside {@code forwardingPreserved} (absent
     * from the new OPEN's Graceful Restart capability, or there with the Forwarding State bit clear, or no such
     * capability at all) go at once (RFC 4724 §4.2); the others wait for their End-of-RIB. Counters and max-prefix
     * state start again.
     */
    public void peerUp(PeerInfo peer, Set<Family> forwardingPreserved) {
        gracefulRestart.peerUp(peer, forwardingPreserved);
    }

    /** End-of-RIB from the peer (RFC 4724 §2): what is still stale in that family was not sent again and goes. */
    public void endOfRib(PeerInfo peer, Family family) {
        gracefulRestart.endOfRib(peer, family);
        notice(new PeerNotice.EndOfRibApplied(peer, family));
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

    // ---- enhanced route refresh, receiving side (RFC 7313 §4) ----

    /**
     * How long the caller lets routes marked by a BoRR wait for the EoRR before it reports
     * {@link #refreshStaleTimerExpired}. RFC 7313 §4 leaves this upper bound to the implementation; 360 s is FRR's
     * stale-path time, which it uses for the same purpose, and long enough to re-send a full table over a slow
     * session.
     */
    public static final Duration REFRESH_STALE_TIME = Duration.ofSeconds(360);

    /**
     * The peer sent a BoRR for {@code family}: every route it has there now (as received, with soft reconfiguration)
     * is marked stale. Routes it announces or withdraws before the EoRR shed the mark; they compete and forward as
     * usual meanwhile. A BoRR while a refresh of the family is under way starts it again. The caller starts a timer
     * of {@link #REFRESH_STALE_TIME} and reports it with the same {@code round}, an id unique among this peer's
     * refreshes. Nothing for a peer not registered.
     */
    public void beginRefresh(PeerInfo peer, Family family, long round) {
        enhancedRefresh.beginRefresh(peer, family, round);
    }

    /**
     * The peer sent the EoRR for {@code family}: its routes there still marked since the BoRR were not sent again
     * and go now, as if withdrawn (RFC 7313 §4). An EoRR without a BoRR before it removes nothing. Either way a
     * {@link PeerNotice.RefreshEnded} says how many went.
     *
     * @return how many routes went
     */
    public int endRefresh(PeerInfo peer, Family family) {
        int removed = enhancedRefresh.endRefresh(peer, family);
        notice(new PeerNotice.RefreshEnded(peer, family, removed, false));
        return removed;
    }

    /**
     * The caller's timer of the BoRR {@code round} fired before the EoRR came: the routes still marked go. A timer
     * of a refresh that already ended, or that a newer BoRR replaced, changes nothing; otherwise a
     * {@link PeerNotice.RefreshEnded} says how many went.
     *
     * @return how many routes went
     */
    public int refreshStaleTimerExpired(PeerInfo peer, Family family, long round) {
        if (!enhancedRefresh.isCurrent(peer, family, round)) {
            return 0;
        }
        int removed = enhancedRefresh.endRefresh(peer, family);
        notice(new PeerNotice.RefreshEnded(peer, family, removed, true));
        return removed;
    }

    /** Whether this route of the peer is marked by a refresh under way and not yet sent again, for {@code show}. */
    public boolean isRefreshStale(PeerInfo peer, Prefix prefix, int pathId) {
        return enhancedRefresh.isStale(peer, prefix, pathId);
    }

    /**
     * The node originates a route for one of its own prefixes (a podCIDR) for every peer. It has no learned
     * next hop: 0.0.0.0 or :: stand for "this node". It beats any learned route for the prefix.
     */
    public void originate(Prefix prefix, PathAttributes attributes) {
        originate(prefix, attributes, PeerScope.EVERYONE);
    }

    /**
     * The node originates a route for the peers of {@code scope} (ExaBGP's {@code neighbor A announce route}).
     * For {@link PeerScope#EVERYONE} it replaces whatever named peers were sent for the prefix; for named peers it
     * replaces what those peers were sent and leaves the others alone. The Loc-RIB keeps one local route for the
     * prefix (the one for everyone, else a named peer's); Adj-RIB-Out sends each peer its own
     * ({@link #scopedOrigin}). A peer named by no scope gets the route for everyone, or nothing.
     */
    public void originate(Prefix prefix, PathAttributes attributes, PeerScope scope) {
        origins.announce(prefix, interner.intern(attributes), scope);
    }

    /** The node no longer originates the prefix for anyone. */
    public void withdrawOriginated(Prefix prefix) {
        withdrawOriginated(prefix, PeerScope.EVERYONE);
    }

    /**
     * The peers of {@code scope} are no longer sent the prefix; everyone else keeps what they were sent, the route
     * for everyone included ({@link PeerScope#EVERYONE}: nobody gets it any more).
     */
    public void withdrawOriginated(Prefix prefix, PeerScope scope) {
        origins.withdraw(prefix, scope);
    }

    /**
     * Undoes what was announced or withdrawn for {@code scope} without saying anything new: named peers fall back
     * to the route for everyone, and {@link PeerScope#EVERYONE} drops that route while named peers keep theirs.
     * For the routes of a helper process that ended, which can no longer vouch for them.
     */
    public void forgetOriginated(Prefix prefix, PeerScope scope) {
        origins.forget(prefix, scope);
    }

    /**
     * Forgets what scoped originations said to this peer address: the peer left the configuration (as in
     * {@link #removePeer}, for a peer that was never registered), so one configured later at the address starts
     * afresh.
     */
    public void forgetPeerAddress(IpAddress address) {
        origins.peerRemoved(address);
    }

    /** What the node originates per peer for the prefix, or null when every peer is sent the same. */
    @Override
    public ScopedOrigin scopedOrigin(Prefix prefix) {
        return origins.at(prefix);
    }

    /** Every peer address a scoped origination names, in address order. */
    @Override
    public Set<IpAddress> scopedPeers() {
        return origins.named();
    }

    /** Sets (null: removes) the prefix's one local route in the Loc-RIB, for {@link LocalOrigins}. */
    void setLocalRoute(Prefix prefix, PathAttributes interned) {
        if (interned == null) {
            withdrawAccepted(local, prefix, 0);
            return;
        }
        IpAddress self = switch (prefix) {
            case Ipv4Prefix p -> Ipv4Address.ANY;
            case Ipv6Prefix p -> Ipv6Address.ANY;
        };
        put(prefix, routeInterner.intern(local, 0, interned, self));
    }

    /** The attributes of the prefix's local route, or null when the node originates none. */
    PathAttributes localAttributes(Prefix prefix) {
        Route r = find(prefix, local, 0);
        return r == null ? null : r.attributes();
    }

    /** Publishes the prefix's Loc-RIB entry again though it did not change, for what depends on more than it. */
    void republish(Prefix prefix) {
        switch (load(prefix)) {
            case null -> { }
            case Route r -> publish(new LocRibChange.Selected(prefix, new Decision(r, BestPathStep.ONLY_PATH,
                    List.of(r)), List.of(r.nextHop())));
            case PrefixPaths pp -> publish(new LocRibChange.Selected(prefix, pp.decision(), pp.nextHops()));
        }
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

    /** How many routes this peer's Adj-RIB-In holds (all path ids counted); 0 for a peer not registered. */
    public int routeCount(PeerInfo peer) {
        if (peer.isLocal()) {
            return localRoutes;
        }
        PeerState s = state(peer);
        return s == null ? 0 : s.routeCount();
    }

    /**
     * Gives back the table slots a large change left unused: the Loc-RIB's and the soft-reconfiguration stores'
     * tables grow by doubling, so a full table can keep half again the room it needs. For the end of such a change
     * (the daemon's heap trim); rehashes each table that has much to give back, a few tens of milliseconds for a
     * million prefixes, and costs next to nothing otherwise.
     */
    public void trimTables() {
        table.trimToSize();
        for (PeerState s : peers) {
            if (s != null && s.prePolicy != null) {
                s.prePolicy.trimToSize();
            }
        }
    }

    /** Prefixes in the Loc-RIB. */
    public int prefixCount() {
        return table.size();
    }

    /** Visits every prefix that has at least one route, IPv4 first; for show and audits, not hot paths. */
    public void forEachPrefix(Consumer<Prefix> visitor) {
        table.forEach((prefix, entry) -> visitor.accept(prefix));
    }

    @Override
    public void forEachBest(BiConsumer<Prefix, Route> visitor) {
        table.forEach((prefix, entry) -> visitor.accept(prefix, PrefixEntry.best(entry)));
    }

    /** Visits this peer's Adj-RIB-In. */
    public void forEachRoute(PeerInfo peer, BiConsumer<Prefix, Route> visitor) {
        table.forEach((prefix, entry) -> PrefixEntry.forEachOf(entry, peer, prefix, visitor));
    }

    // ---- internals ----

    Route find(Prefix prefix, PeerInfo peer, int pathId) {
        return PrefixEntry.find(load(prefix), peer, pathId);
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

    /** Stores a route that passed import (or an originated one) and publishes what changed. */
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
                settle(prefix, pp, r, List.of(r.nextHop()), null);
            }
            case PrefixPaths pp -> {
                Route oldBest = pp.decision().best();
                List<IpAddress> oldHops = pp.nextHops();
                List<Route> oldMultipath = pp.ecmpRoutes();
                if (pp.put(route)) {
                    count(route.peer(), prefix, +1);
                }
                settle(prefix, pp, oldBest, oldHops, oldMultipath);
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
                List<Route> oldMultipath = pp.ecmpRoutes();
                int removed = pp.removePeer(peer);
                if (removed > 0) {
                    count(peer, prefix, -removed);
                    settle(prefix, pp, oldBest, oldHops, oldMultipath);
                }
            }
        }
    }

    /**
     * Reruns the decision for a multi-route prefix and publishes when forwarding or best changed.
     *
     * @param oldMultipath the equal-cost routes before the change, or null when there was no ECMP
     */
    private void settle(Prefix prefix, PrefixPaths pp, Route oldBest, List<IpAddress> oldHops, List<Route> oldMultipath) {
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
        if (!decision.best().equals(oldBest) || !hops.equals(oldHops)
                || !sameForwarding(oldMultipath, pp.ecmpRoutes())) {
            publish(new LocRibChange.Selected(prefix, decision, hops));
        }
    }

    /**
     * Whether two ECMP sets forward alike. Their global next hops are compared already; a member can still change
     * the way its packets leave without changing that: its link-local next hop, or the peer (so the interface) it
     * came from. Null (no ECMP) on either side is decided by the best route and next hops alone.
     */
    private static boolean sameForwarding(List<Route> before, List<Route> after) {
        if (before == null || after == null) {
            return true;
        }
        if (before.size() != after.size()) {
            return false;
        }
        outer:
        for (Route a : after) {
            for (Route b : before) {
                if (a.forwardsLike(b)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private PrefixEntry load(Prefix prefix) {
        return table.get(prefix);
    }

    private void store(Prefix prefix, PrefixEntry entry) {
        table.set(prefix, entry);
    }

    /** Keeps the Adj-RIB-In sizes: the local pseudo-peer's here, a registered peer's in its state. */
    private void count(PeerInfo peer, Prefix prefix, int delta) {
        if (peer.isLocal()) {
            localRoutes += delta;
            return;
        }
        PeerState s = required(peer);
        s.count(prefix, delta);
        if (delta < 0) {
            admission.removed(s, prefix);
        }
    }

    private void publish(LocRibChange change) {
        for (RibListener l : listeners) {
            l.onLocRibChange(change);
        }
    }
}
