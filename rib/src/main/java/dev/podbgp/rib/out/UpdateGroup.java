package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.LocRibView;
import dev.podbgp.rib.Route;
import dev.podbgp.rib.ScopedOrigin;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers of one {@link ExportProfile}: one Adj-RIB-Out table, each change computed once and
 * encoded once, the same bytes handed to every member.
 *
 * <p>Members differ only in split horizon: a member must not get back a route it sent. The
 * table remembers each prefix's source peer, so a member's view is the table minus its own
 * routes, and what a member already has follows from the table before a change. A batch that
 * touches a member's own routes (as source before or after) is sent to that member from its
 * view instead of the shared bytes; in reflection that is the one client the update came from.
 *
 * <p>A route the node originates for some peers only ({@link ScopedOrigin}) is the one thing members could not
 * share otherwise: a peer such a route names gets a group of its own ({@link #scopedPeer}), whose table holds what
 * that peer is sent; every other group holds the route for everyone.
 *
 * <p>A member that cannot take more (the caller says it is not writable) keeps a set of
 * prefixes still to send, with whether it had a route for each; when it is writable again the
 * set is resolved against the table as it is then. However often a prefix flaps meanwhile, it
 * costs one entry and at most one message slot.
 *
 * <p>A member that asked for a family again (ROUTE-REFRESH) is owed that family's view of the
 * table, framed by BoRR and EoRR when enhanced route refresh was negotiated (RFC 7313 §4). The
 * markers are encoded into the same list as the UPDATEs between them, so the channel sends them
 * in that order whenever the member is writable again.
 */
public final class UpdateGroup {

    private static final class Member {
        final OutboundPeer peer;
        boolean writable = true;
        /** False until the full table was sent; changes before that are covered by the dump. */
        boolean synced;
        boolean endOfRibAfterDump = true;
        /** Prefix to "had a route from us when it entered the set". */
        final LinkedHashMap<Prefix, Boolean> pending = new LinkedHashMap<>();
        /** Families asked for again, to "frame the answer with BoRR/EoRR" (RFC 7313 §4). */
        final LinkedHashMap<Family, Boolean> refreshes = new LinkedHashMap<>();

        boolean owes() {
            return !synced || !pending.isEmpty() || !refreshes.isEmpty();
        }

        Member(OutboundPeer peer) {
            this.peer = peer;
        }
    }

    private record Delta(Prefix prefix, Advert before, Advert after) {
    }

    private final ExportProfile profile;
    private final AggregateSelection aggregates;
    /** The one peer of this group a scoped origination names, or null: the group's view of such originations. */
    private final IpAddress scopedPeer;
    private final LocRibView locRib;
    private final AggregateTable aggregateRoutes;
    private final NodeSettings node;
    private final Encoder encoder;
    private final RewriteMemo memo = new RewriteMemo();
    private final Map<Prefix, Advert> table = new HashMap<>();
    private final Map<Integer, Member> members = new HashMap<>();
    /** The same members in joining order: the per-change loop walks an array, not hash buckets. */
    private final List<Member> order = new ArrayList<>();
    /** Members that may owe a dump or pending prefixes; drainReady skips the walk when none do. */
    private boolean owing;
    /** Routes in the table per source peer id: a member with none gets the shared initial dump. */
    private int[] routesFrom = new int[0];
    /** The initial table with End-of-RIB, encoded once for every member without routes of its own; null when stale. */
    private List<byte[]> sharedInitialDump;

    UpdateGroup(ExportProfile profile, AggregateSelection aggregates, IpAddress scopedPeer, LocRibView locRib,
            AggregateTable aggregateRoutes, NodeSettings node, Encoder encoder) {
        this.profile = profile;
        this.aggregates = aggregates;
        this.scopedPeer = scopedPeer;
        this.locRib = locRib;
        this.aggregateRoutes = aggregateRoutes;
        this.node = node;
        this.encoder = encoder;
    }

    public ExportProfile profile() {
        return profile;
    }

    /** The aggregates this group's members are sent (RFC 4271 §9.2.2.2), with the prefixes they suppress. */
    AggregateSelection aggregates() {
        return aggregates;
    }

    /** The peer address this group was made for because a scoped origination names it, or null. */
    public IpAddress scopedPeer() {
        return scopedPeer;
    }

    public int memberCount() {
        return members.size();
    }

    public int tableSize() {
        return table.size();
    }

    // ---- membership ----

    void add(OutboundPeer peer) {
        Member m = new Member(peer);
        members.put(peer.id(), m);
        order.add(m);
        owing = true;
    }

    /**
     * A member that comes from another group on a running session: it already holds routes from
     * us, so instead of a dump it is owed the difference. {@code had} are the prefixes it may
     * hold; each is re-announced from this table or withdrawn, and the rest of this table is
     * announced. No End-of-RIB: the session's initial table was sent long ago.
     */
    void addMoved(OutboundPeer peer, java.util.Set<Prefix> had, boolean synced, boolean endOfRibAfterDump) {
        Member m = new Member(peer);
        if (!synced) {
            // Its initial table (and End-of-RIB, RFC 4724 §2) had not gone out yet: this group's
            // dump sends it now; what it may hold is withdrawn or re-announced first.
            m.endOfRibAfterDump = endOfRibAfterDump;
            had.forEach(p -> m.pending.put(p, Boolean.TRUE));
            members.put(peer.id(), m);
            order.add(m);
            owing = true;
            return;
        }
        m.synced = true;
        m.endOfRibAfterDump = false;
        for (Prefix p : had) {
            m.pending.put(p, Boolean.TRUE);
        }
        table.forEach((prefix, advert) -> {
            if (Advert.visibleTo(advert, peer.id())) {
                m.pending.putIfAbsent(prefix, Boolean.FALSE);
            }
        });
        members.put(peer.id(), m);
        order.add(m);
        owing = true;
    }

    boolean synced(int peerId) {
        return member(peerId).synced;
    }

    boolean endOfRibAfterDump(int peerId) {
        return member(peerId).endOfRibAfterDump;
    }

    /**
     * What the member may hold from us now: this table as it sees it once its dump went out,
     * except prefixes still pending, and the pending prefixes it had. Exact, so a member moved
     * twice before a flush (a scoped origination naming it and then none) is not sent a
     * withdrawal for a route it never got.
     */
    java.util.Set<Prefix> heldBy(int peerId) {
        Member m = member(peerId);
        java.util.Set<Prefix> out = new java.util.HashSet<>();
        if (m.synced) {
            // Before its dump a member holds nothing of this table, only what it brought along (pending, had); a
            // pending prefix it holds only if it had it.
            table.forEach((prefix, advert) -> {
                if (Advert.visibleTo(advert, peerId) && !m.pending.containsKey(prefix)) {
                    out.add(prefix);
                }
            });
        }
        m.pending.forEach((prefix, had) -> {
            if (had) {
                out.add(prefix);
            }
        });
        return out;
    }

    void remove(int peerId) {
        Member m = members.remove(peerId);
        if (m != null) {
            order.remove(m);
        }
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    void setWritable(int peerId, boolean writable) {
        member(peerId).writable = writable;
        owing |= writable;
    }

    /**
     * RFC 2918 §4: the member's routes of {@code family} again at the next drain, without
     * End-of-RIB (that marks only the initial table); with {@code enhanced}, between a BoRR and an
     * EoRR (RFC 7313 §4). A family the session did not negotiate is not answered (RFC 2918 §4).
     */
    void refresh(int peerId, Family family, boolean enhanced) {
        Member m = member(peerId);
        if (profile.families().contains(family)) {
            m.refreshes.put(family, enhanced);
            owing = true;
        }
    }

    /** The refreshes the member is still owed, to carry it into another group. */
    Map<Family, Boolean> refreshesOwed(int peerId) {
        return Map.copyOf(member(peerId).refreshes);
    }

    int pendingCount(int peerId) {
        return member(peerId).pending.size();
    }

    /** Every member's session, in joining order. */
    List<OutboundPeer> peers() {
        List<OutboundPeer> out = new ArrayList<>(order.size());
        for (Member m : order) {
            out.add(m.peer);
        }
        return out;
    }

    /** The member's session as it joined (or as its last export change left it). */
    OutboundPeer peer(int peerId) {
        return member(peerId).peer;
    }

    /** Asks every member's output whether it takes more now. */
    void pollWritable() {
        for (int i = 0, n = order.size(); i < n; i++) {
            Member m = order.get(i);
            boolean writable = m.peer.output().isWritable();
            m.writable = writable;
            owing |= writable;
        }
    }

    private Member member(int peerId) {
        Member m = members.get(peerId);
        if (m == null) {
            throw new IllegalArgumentException("peer " + peerId + " is not in this update group");
        }
        return m;
    }

    // ---- changes ----

    /** Fills the table from the Loc-RIB (a null route: only an aggregate) when the group is created; sends nothing. */
    void seed(Prefix prefix, Route best) {
        Advert a = advert(prefix, best);
        if (a != null) {
            count(table.put(prefix, a), -1);
            count(a, 1);
            sharedInitialDump = null;
        }
    }

    /**
     * Applies Loc-RIB changes (a null route is a withdrawal), then writes what each member must
     * be sent now: the shared bytes, its own view, or nothing while it is not writable.
     */
    void apply(Map<Prefix, Route> changes, OutputSink sink) {
        List<Delta> deltas = new ArrayList<>();
        BitSet involved = new BitSet();
        for (Map.Entry<Prefix, Route> c : changes.entrySet()) {
            Advert after = advert(c.getKey(), c.getValue());
            Advert before = after == null ? table.remove(c.getKey()) : table.put(c.getKey(), after);
            count(before, -1);
            count(after, 1);
            if (before == null ? after == null : before.equals(after)) {
                continue;
            }
            deltas.add(new Delta(c.getKey(), before, after));
            mark(involved, before);
            mark(involved, after);
        }
        if (deltas.isEmpty()) {
            return;
        }
        sharedInitialDump = null;
        List<byte[]> shared = null;
        for (int i = 0, n = order.size(); i < n; i++) {
            Member m = order.get(i);
            if (!m.synced) {
                continue;
            }
            if (m.writable && m.pending.isEmpty() && m.refreshes.isEmpty() && !involved.get(m.peer.id())) {
                if (shared == null) {
                    shared = encodeShared(deltas);
                }
                if (!shared.isEmpty()) {
                    sink.write(m.peer, shared);
                }
                continue;
            }
            for (Delta d : deltas) {
                m.pending.putIfAbsent(d.prefix(), Advert.visibleTo(d.before(), m.peer.id()));
            }
            if (m.writable) {
                drain(m, sink);
            } else {
                owing = true;
            }
        }
    }

    /** Writes what writable members still owe: the initial dump or their pending prefixes. */
    void drainReady(OutputSink sink) {
        if (!owing) {
            return;
        }
        owing = false;
        for (Member m : order) {
            if (!m.writable) {
                owing |= m.owes();
                continue;
            }
            if (!m.synced) {
                dump(m, sink);
            }
            // A refresh asked before the initial table went out is answered after it.
            if (m.owes()) {
                drain(m, sink);
            }
        }
    }

    private void count(Advert a, int delta) {
        if (a == null || a.sourceId() < 0) {
            return;
        }
        if (a.sourceId() >= routesFrom.length) {
            routesFrom = java.util.Arrays.copyOf(routesFrom, Math.max(a.sourceId() + 1, 2 * routesFrom.length));
        }
        routesFrom[a.sourceId()] += delta;
    }

    private boolean hasOwnRoutes(int peerId) {
        return peerId < routesFrom.length && routesFrom[peerId] > 0;
    }

    private static void mark(BitSet involved, Advert a) {
        if (a != null && a.sourceId() >= 0) {
            involved.set(a.sourceId());
        }
    }

    /** What the group sends for the prefix whose Loc-RIB route is {@code best} (null: none), or null for nothing. */
    private Advert advert(Prefix prefix, Route best) {
        Route own = best != null && best.peer().isLocal() ? scoped(prefix, best) : best;
        Route route = aggregates.isEmpty() ? own : withAggregates(prefix, own);
        if (route == null) {
            return null;
        }
        return switch (OutboundRules.forProfile(prefix, route, profile, node, memo)) {
            case Outbound.Advertise a -> new Advert(a.attributes(), a.nextHop(), a.linkLocalNextHop(), route.peer().id());
            case Outbound.Suppressed s -> null;
        };
    }

    /**
     * The node's own route as this group's peers are to get it when what it originates differs by peer: a named
     * peer's own attributes, nothing when it was told to withdraw, else the route for everyone, which a group of
     * peers named by no scope gets too (or nothing, when only named peers get the prefix).
     */
    private Route scoped(Prefix prefix, Route local) {
        ScopedOrigin origin = locRib.scopedOrigin(prefix);
        if (origin == null) {
            return local;
        }
        PathAttributes attributes = origin.attributesFor(scopedPeer);
        if (attributes == null) {
            return null;
        }
        return attributes == local.attributes() ? local : local.withAttributes(attributes);
    }

    /**
     * A summary-only aggregate hides its more-specifics from the group; an active aggregate takes the place of a
     * Loc-RIB route for its own prefix, since the group announces one route per prefix and the operator asked for
     * the summary.
     */
    private Route withAggregates(Prefix prefix, Route best) {
        if (aggregates.suppresses(prefix)) {
            return null;
        }
        Aggregate own = aggregates.at(prefix);
        Route summary = own == null ? null : aggregateRoutes.route(prefix);
        return summary != null ? summary : best;
    }

    private List<byte[]> encodeShared(List<Delta> deltas) {
        MessageBatch batch = new MessageBatch();
        for (Delta d : deltas) {
            if (d.after() == null) {
                batch.withdraw(d.prefix());
            } else if (!d.after().sameOnWire(d.before())) {
                batch.announce(d.prefix(), d.after());
            }
        }
        return batch.encode(profile.caps(), encoder, List.of());
    }

    /** The member's pending prefixes, then the refreshes it asked for, in one write. */
    private void drain(Member m, OutputSink sink) {
        MessageBatch batch = new MessageBatch();
        int id = m.peer.id();
        m.pending.forEach((prefix, had) -> {
            Advert now = table.get(prefix);
            if (Advert.visibleTo(now, id)) {
                if (!m.refreshes.containsKey(OutboundRules.familyOf(prefix))) {
                    // Otherwise the refresh answer below announces it.
                    batch.announce(prefix, now);
                }
            } else if (had) {
                batch.withdraw(prefix);
            }
        });
        m.pending.clear();
        List<byte[]> out = batch.encode(profile.caps(), encoder, List.of());
        m.refreshes.forEach((family, enhanced) -> answerRefresh(m, family, enhanced, out));
        m.refreshes.clear();
        if (!out.isEmpty()) {
            sink.write(m.peer, out);
        }
    }

    /**
     * The member's view of one family, in a BoRR/EoRR frame when {@code enhanced}: the peer
     * drops what it holds from us in that family and did not get again (RFC 7313 §4).
     */
    private void answerRefresh(Member m, Family family, boolean enhanced, List<byte[]> out) {
        MessageBatch batch = new MessageBatch();
        int id = m.peer.id();
        table.forEach((prefix, advert) -> {
            if (Advert.visibleTo(advert, id) && OutboundRules.familyOf(prefix).equals(family)) {
                batch.announce(prefix, advert);
            }
        });
        if (enhanced) {
            out.add(encoder.marker(new RouteRefresh(family, RouteRefresh.BEGIN), profile.caps()));
        }
        out.addAll(batch.encode(profile.caps(), encoder, List.of()));
        if (enhanced) {
            out.add(encoder.marker(new RouteRefresh(family, RouteRefresh.END), profile.caps()));
        }
    }

    private void dump(Member m, OutputSink sink) {
        m.synced = true;
        // A member that moved here before its dump went out may hold routes this table lacks.
        MessageBatch withdrawals = new MessageBatch();
        int id = m.peer.id();
        m.pending.forEach((prefix, had) -> {
            if (had && !Advert.visibleTo(table.get(prefix), id)) {
                withdrawals.withdraw(prefix);
            }
        });
        if (!withdrawals.isEmpty()) {
            sink.write(m.peer, withdrawals.encode(profile.caps(), encoder, List.of()));
        }
        m.pending.clear();
        List<byte[]> out;
        if (m.endOfRibAfterDump && !hasOwnRoutes(m.peer.id())) {
            // Sessions tend to come up together (a reflector restarts, a rack reboots): the
            // initial table is the same for all of them, so it is encoded once.
            if (sharedInitialDump == null) {
                sharedInitialDump = encodeDump(m);
            }
            out = sharedInitialDump;
        } else {
            out = encodeDump(m);
        }
        if (!out.isEmpty()) {
            sink.write(m.peer, out);
        }
    }

    private List<byte[]> encodeDump(Member m) {
        MessageBatch batch = new MessageBatch();
        int id = m.peer.id();
        table.forEach((prefix, advert) -> {
            if (Advert.visibleTo(advert, id)) {
                batch.announce(prefix, advert);
            }
        });
        List<Update> tail = new ArrayList<>();
        if (m.endOfRibAfterDump) {
            // RFC 4724 §2: End-of-RIB per family once the initial table is out.
            profile.families().stream()
                    .sorted(Comparator.comparingInt(Family::afi).thenComparingInt(Family::safi))
                    .forEach(f -> tail.add(Update.endOfRib(f)));
        }
        return batch.encode(profile.caps(), encoder, tail);
    }
}
