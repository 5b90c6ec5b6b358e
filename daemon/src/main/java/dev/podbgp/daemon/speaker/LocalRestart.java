package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.log.EventLog;
import dev.podbgp.rib.PeerNotice;
import dev.podbgp.rib.PeerNoticeListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Our own graceful restart, the restarting side (RFC 4724 §4.1): podbgp started and found the
 * routes of its last run in the kernel. Those stay as they are, and our OPENs carry the R bit,
 * until every configured peer's End-of-RIB has been applied for every family its session
 * negotiated, or the selection-deferral time ran out; then {@code converged} runs, once.
 *
 * <p>End-of-RIB notices come on the RIB thread, the deadline on the timer thread: every method
 * takes this object's lock.
 */
final class LocalRestart implements PeerNoticeListener {

    private static final EventLog LOG = EventLog.named("podbgp.restart");

    private final PeerRegistry registry;
    private final Runnable converged;
    private final long startedNanos = System.nanoTime();
    /** Families whose End-of-RIB was applied, by peer id. */
    private final Map<Integer, Set<Family>> endOfRibs = new HashMap<>();
    private boolean done;

    LocalRestart(PeerRegistry registry, Runnable converged) {
        this.registry = registry;
        this.converged = converged;
    }

    /**
     * Starts the deferral, once the configured peers are registered: after {@code deferral} the
     * restart is over whatever the peers did; with no peer at all it is over now.
     */
    synchronized void start(RestartTimers timers, Duration deferral) {
        LOG.info("restart-deferring").with("peers", registry.slots().size()).with("deferral-seconds", deferral.toSeconds()).log();
        if (registry.slots().isEmpty()) {
            finish("no peers");
            return;
        }
        timers.after(deferral, () -> finish("deferral time over"));
    }

    @Override
    public synchronized void onPeerNotice(PeerNotice notice) {
        if (done || !(notice instanceof PeerNotice.EndOfRibApplied e)) {
            return;
        }
        endOfRibs.computeIfAbsent(e.peer().id(), id -> new HashSet<>()).add(e.family());
        if (allPeersSentTheirTables()) {
            finish("every peer's End-of-RIB");
        }
    }

    synchronized boolean done() {
        return done;
    }

    private boolean allPeersSentTheirTables() {
        for (PeerSlot slot : registry.slots()) {
            NegotiatedSession n = slot.negotiated;
            if (n == null || slot.info == null) {
                // Not up yet: it may still send what we are waiting for, until the deferral ends.
                return false;
            }
            Set<Family> seen = endOfRibs.get(slot.id);
            if (seen == null || !seen.containsAll(n.families())) {
                return false;
            }
        }
        return true;
    }

    private synchronized void finish(String why) {
        if (done) {
            return;
        }
        done = true;
        LOG.info("restart-converged").with("reason", why)
                .with("after-ms", (System.nanoTime() - startedNanos) / 1_000_000).log();
        converged.run();
    }
}
