package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.LocRibView;
import dev.podbgp.rib.RibListener;
import dev.podbgp.rib.Route;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Adj-RIB-Out of every established peer, as update groups. Loc-RIB changes are collected
 * (the latest per prefix) until {@link #flush}, which hands each peer the encoded UPDATEs it
 * must be sent. Everything runs on the RIB thread; which peers can take more comes from their
 * {@link SessionOutput} ({@link #pollWritable}) or from the caller ({@link #setWritable}).
 *
 * <p>Configured {@link Aggregate}s are announced from here, never from the Loc-RIB ({@link #setAggregates}).
 */
public final class AdjRibOut implements RibListener {

    /**
     * Peers share a group when they get the same export and the same aggregates. A peer that a scoped origination
     * names ({@link LocRibView#scopedPeers}) is sent routes others are not, so its address joins the key.
     */
    private record GroupKey(ExportProfile profile, AggregateSelection aggregates, IpAddress scopedPeer) {
    }

    private final NodeSettings node;
    /** The Loc-RIB whose changes this listens to, read to fill a group created after routes were learned. */
    private final LocRibView locRib;
    private final Encoder encoder = new Encoder();
    /** Changes since the last flush; a null route is a withdrawal. */
    private final LinkedHashMap<Prefix, Route> changes = new LinkedHashMap<>();
    private final Map<GroupKey, UpdateGroup> groups = new LinkedHashMap<>();
    private final Map<Integer, UpdateGroup> groupOf = new HashMap<>();
    private final AggregateTable aggregates;
    /** The peers named by scoped originations when groups were last sorted out. */
    private Set<IpAddress> scopedPeers = Set.of();

    public AdjRibOut(NodeSettings node, LocRibView locRib) {
        this.node = node;
        this.locRib = locRib;
        this.aggregates = new AggregateTable(node);
    }

    @Override
    public void onLocRibChange(LocRibChange change) {
        switch (change) {
            case LocRibChange.Selected s -> {
                changes.put(s.prefix(), s.best());
                aggregates.onChange(s.prefix(), s.best(), this::aggregateChanged);
            }
            case LocRibChange.Withdrawn w -> {
                changes.put(w.prefix(), null);
                aggregates.onChange(w.prefix(), null, this::aggregateChanged);
            }
        }
    }

    /**
     * The aggregate's route appeared, changed or went: every group looks at its prefix again at the next flush. The
     * change carries the Loc-RIB's own route of that prefix, which groups without the aggregate keep sending.
     */
    private void aggregateChanged(Prefix aggregate) {
        changes.put(aggregate, aggregates.locRibRoute(aggregate));
    }

    /**
     * The configured aggregates (RFC 4271 §9.2.2.2) from now on; a reload passes the whole new list. Contributors
     * are counted again from the Loc-RIB, and a peer whose aggregates changed moves to the group of its new ones and
     * is sent the difference at the next {@link #flush}, as for an export change: the aggregate announced or
     * withdrawn, more-specifics withdrawn or announced when summary-only changed. Peers it does not touch are sent
     * nothing.
     *
     * @throws IllegalArgumentException when two aggregates have the same prefix
     */
    public void setAggregates(List<Aggregate> next) {
        if (aggregates.configured().equals(next)) {
            return;
        }
        // The table forgets the Loc-RIB routes of prefixes no longer aggregated; groups must get them back.
        Map<Prefix, Route> ownRoutes = new HashMap<>();
        for (Aggregate a : aggregates.configured()) {
            Route r = aggregates.locRibRoute(a.prefix());
            if (r != null) {
                ownRoutes.put(a.prefix(), r);
            }
        }
        for (Prefix p : aggregates.configure(next, locRib)) {
            Route r = aggregates.locRibRoute(p);
            changes.put(p, r != null ? r : ownRoutes.get(p));
        }
        for (UpdateGroup g : List.copyOf(groups.values())) {
            for (OutboundPeer peer : g.peers()) {
                if (!keyOf(peer).equals(keyOf(g))) {
                    move(peer);
                }
            }
        }
    }

    public List<Aggregate> aggregates() {
        return aggregates.configured();
    }

    private GroupKey keyOf(OutboundPeer peer) {
        IpAddress address = peer.peer().address();
        return new GroupKey(peer.profile(), aggregates.selectionFor(peer),
                scopedPeers.contains(address) ? address : null);
    }

    private static GroupKey keyOf(UpdateGroup g) {
        return new GroupKey(g.profile(), g.aggregates(), g.scopedPeer());
    }

    /**
     * A scoped origination named a peer for the first time, or no longer names one: such peers move to a group of
     * their own, or back to the one of their profile, and are sent the difference as on an export change.
     */
    private void regroupScopedPeers() {
        Set<IpAddress> now = locRib.scopedPeers();
        if (now.equals(scopedPeers)) {
            return;
        }
        scopedPeers = Set.copyOf(now);
        for (UpdateGroup g : List.copyOf(groups.values())) {
            for (OutboundPeer peer : g.peers()) {
                if (!keyOf(peer).equals(keyOf(g))) {
                    move(peer);
                }
            }
        }
    }

    /**
     * A session is established: the peer joins the group of its profile and is sent the full
     * table, then End-of-RIB per family, at the next {@link #flush}.
     */
    public void addPeer(OutboundPeer peer) {
        if (groupOf.containsKey(peer.id())) {
            throw new IllegalArgumentException("peer " + peer.id() + " is already in an update group");
        }
        regroupScopedPeers();
        UpdateGroup group = groupFor(keyOf(peer));
        group.add(peer);
        groupOf.put(peer.id(), group);
    }

    /**
     * The peer's export settings changed on a running session (an export policy reload, a new
     * next-hop-self): it moves to the group of its new profile and is sent the difference at the
     * next {@link #flush} - withdrawals for what it holds and no longer gets, the new table's
     * routes - without a reset and without End-of-RIB. Nothing happens when the profile is the same.
     */
    public void changeProfile(OutboundPeer peer) {
        if (!keyOf(group(peer.id())).equals(keyOf(peer))) {
            move(peer);
        }
    }

    /** The peer, on a running session, to the group of its current key, owed the difference. */
    private void move(OutboundPeer peer) {
        UpdateGroup old = group(peer.id());
        java.util.Set<Prefix> held = old.heldBy(peer.id());
        boolean synced = old.synced(peer.id());
        boolean endOfRib = old.endOfRibAfterDump(peer.id());
        Map<Family, Boolean> refreshes = old.refreshesOwed(peer.id());
        removePeer(peer.id());
        UpdateGroup group = groupFor(keyOf(peer));
        group.addMoved(peer, held, synced, endOfRib);
        refreshes.forEach((family, enhanced) -> group.refresh(peer.id(), family, enhanced));
        groupOf.put(peer.id(), group);
    }

    private UpdateGroup groupFor(GroupKey key) {
        return groups.computeIfAbsent(key, k -> {
            UpdateGroup g = new UpdateGroup(k.profile(), k.aggregates(), k.scopedPeer(), locRib, aggregates, node,
                    encoder);
            locRib.forEachBest(g::seed);
            for (Aggregate a : k.aggregates().aggregates()) {
                if (aggregates.locRibRoute(a.prefix()) == null) {
                    // No Loc-RIB route of the aggregate's own prefix went through seed above.
                    g.seed(a.prefix(), null);
                }
            }
            return g;
        });
    }

    /** The session is gone; an emptied group is dropped with its table. */
    public void removePeer(int peerId) {
        UpdateGroup group = groupOf.remove(peerId);
        if (group == null) {
            return;
        }
        group.remove(peerId);
        if (group.isEmpty()) {
            groups.remove(keyOf(group));
        }
    }

    /** Whether the peer's channel takes more now; a blocked peer collects prefixes instead. */
    public void setWritable(int peerId, boolean writable) {
        group(peerId).setWritable(peerId, writable);
    }

    /** Asks each peer's {@link SessionOutput} whether it can take more; call before {@link #flush}. */
    public void pollWritable() {
        for (UpdateGroup g : groups.values()) {
            g.pollWritable();
        }
    }

    /** Whether the peer has a session in Adj-RIB-Out (Established and not yet gone). */
    public boolean contains(int peerId) {
        return groupOf.containsKey(peerId);
    }

    /** The peer's session as Adj-RIB-Out holds it. */
    public OutboundPeer peer(int peerId) {
        return group(peerId).peer(peerId);
    }

    /**
     * ROUTE-REFRESH received for {@code family} (RFC 2918 §4): the peer's routes of that family
     * again at the next {@link #flush}, between a BoRR and an EoRR when {@code enhanced} route
     * refresh was negotiated (RFC 7313 §4). Also {@code clear --soft out}, one family at a time.
     */
    public void routeRefresh(int peerId, Family family, boolean enhanced) {
        group(peerId).refresh(peerId, family, enhanced);
    }

    /** Applies the collected changes and writes what every writable peer must be sent now. */
    public void flush(OutputSink sink) {
        if (!changes.isEmpty()) {
            // Moved peers are filled from the Loc-RIB as it is now; the batch then changes nothing for them.
            regroupScopedPeers();
            Map<Prefix, Route> batch = Collections.unmodifiableMap(changes);
            for (UpdateGroup g : groups.values()) {
                g.apply(batch, sink);
            }
            changes.clear();
        }
        for (UpdateGroup g : groups.values()) {
            g.drainReady(sink);
        }
    }

    public UpdateGroup group(int peerId) {
        UpdateGroup g = groupOf.get(peerId);
        if (g == null) {
            throw new IllegalArgumentException("peer " + peerId + " is not in any update group");
        }
        return g;
    }

    public Collection<UpdateGroup> groups() {
        return Collections.unmodifiableCollection(groups.values());
    }

    /** Prefixes a blocked peer is still owed. */
    public int pendingCount(int peerId) {
        return group(peerId).pendingCount(peerId);
    }

    /** UPDATEs encoded since creation: one per message per group, not per peer. */
    public long encodedMessages() {
        return encoder.encodedMessages();
    }
}
