package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.config.state.DesiredListenRange;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.event.RibEvent;
import java.time.Instant;
import java.util.Optional;
import dev.podbgp.rib.out.SelfNextHops;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One configured peer as the speaker tracks it: its settings, its transport session, what the RIB knows it as,
 * its way into the RIB queue, and counters for {@code show} and metrics. Written by the config thread (desired,
 * bgp), the peer's event loop (info, negotiated, since, lastError, generation) and the RIB thread (prefixCounts);
 * read by anyone, so every field is final, volatile or atomic.
 */
final class PeerSlot {

    /** Dense id for the RIB's per-peer arrays; kept for the life of the configuration entry. */
    final int id;
    volatile DesiredPeer desired;
    /**
     * The listen range a dynamic peer connected from, null for a configured peer. A dynamic peer's {@link #desired}
     * is the range's settings at its address, in the AS of its OPEN once it sent one.
     */
    final DesiredListenRange dynamicRange;
    volatile BgpPeer bgp;
    /** The PeerInfo of the current or last session (router id from its OPEN); null before the first. */
    volatile PeerInfo info;
    volatile NegotiatedSession negotiated;
    volatile Instant since = Instant.now();
    volatile String lastError = "";
    /** Our next hops on the current or last session, and the families it negotiated that have none. */
    volatile SelfNextHops nextHops = SelfNextHops.NONE;
    volatile List<Family> withoutNextHop = List.of();
    final AtomicLong updatesIn = new AtomicLong();
    final AtomicLong updatesOut = new AtomicLong();
    final AtomicLong flaps = new AtomicLong();
    /** Published by the RIB thread (see {@link RibThread}). */
    volatile PrefixCounts prefixCounts = PrefixCounts.NONE;
    /**
     * Bumped when a session comes up and when the peer is removed: a graceful-restart timer started in an earlier
     * generation does nothing ({@link RestartTimers}).
     */
    final AtomicInteger generation = new AtomicInteger();
    final PeerInbox inbox;

    PeerSlot(int id, DesiredPeer desired, DesiredListenRange dynamicRange, Set<PeerInbox> backlogged) {
        this.id = id;
        this.desired = desired;
        this.dynamicRange = dynamicRange;
        this.inbox = new PeerInbox(() -> bgp, backlogged);
    }

    /**
     * The entry is forgotten: its restart timers stop, and the RIB forgets the peer through the inbox, behind every
     * event its session handed on and as the last one accepted, so nothing it still delivers can re-register it or
     * leave routes behind.
     */
    void retire(RestartTimers timers, Predicate<RibEvent> offer) {
        generation.incrementAndGet();
        timers.cancel(this);
        PeerInfo last = info;
        inbox.close(last == null ? new RibEvent.PeerUnconfigured(id, desired.address()) : new RibEvent.PeerRemoved(last),
                offer);
    }

    PeerStatus status() {
        DesiredPeer d = desired;
        return new PeerStatus(d.address(), d.asn(), bgp.state(), since, lastError, updatesIn.get(), updatesOut.get(),
                flaps.get(), inbox.paused(), nextHops, withoutNextHop,
                Optional.ofNullable(dynamicRange).map(DesiredListenRange::range));
    }
}
