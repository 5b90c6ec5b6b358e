package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.event.RibEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The speaker's timers, on the platform thread "podbgp-timers": graceful-restart and long-lived stale timers of
 * restarting peers (RFC 4724 §4.2, RFC 9494 §4.2), the bound on a peer's enhanced route refresh (RFC 7313 §4),
 * max-prefix restarts, and the periodic count refresh. A timer
 * never changes anything itself: it hands an event to the RIB or calls the transport.
 */
final class RestartTimers implements AutoCloseable {

    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("podbgp-timers").daemon().factory());
    private final RibThread rib;
    /** Pending graceful-restart timers by peer slot id. */
    private final Map<Integer, List<ScheduledFuture<?>>> restarts = new ConcurrentHashMap<>();
    /** Pending enhanced-refresh stale timers by peer slot id and family: one per family, the latest BoRR's. */
    private final Map<Integer, Map<Family, ScheduledFuture<?>>> refreshes = new ConcurrentHashMap<>();
    /** Names each BoRR, so the RIB can tell the latest refresh's timer from one it replaced. */
    private final AtomicLong refreshRounds = new AtomicLong();

    RestartTimers(RibThread rib) {
        this.rib = rib;
    }

    /**
     * The peer's Established session ended and its routes are kept stale (called on its event loop, right after
     * it handed the RIB the {@link RibEvent.PeerRestarting}). The expiries go through the peer's inbox, so they
     * reach the RIB after that event, and only if the peer has not come back since ({@link PeerSlot#generation}).
     */
    void restarting(PeerSlot slot, PeerInfo info, GracefulRestartTerms terms) {
        int generation = slot.generation.get();
        List<ScheduledFuture<?>> pending = new ArrayList<>();
        pending.add(expireLater(slot, generation, terms.restartTime(), new RibEvent.RestartTimerExpired(info)));
        terms.llgrStaleTime().forEach((family, stale) -> pending.add(expireLater(slot, generation,
                terms.restartTime().plus(stale), new RibEvent.LlgrTimerExpired(info, family))));
        List<ScheduledFuture<?>> earlier = restarts.put(slot.id, pending);
        if (earlier != null) {
            earlier.forEach(f -> f.cancel(false));
        }
    }

    private ScheduledFuture<?> expireLater(PeerSlot slot, int generation, Duration after, RibEvent expiry) {
        return timers.schedule(() -> {
            if (slot.generation.get() == generation) {
                slot.inbox.submit(expiry, rib::offer);
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The peer sent a BoRR for {@code family} (called on its event loop): starts the wait for its EoRR, at most
     * {@link Rib#REFRESH_STALE_TIME}, replacing the timer of an earlier BoRR of the family. The caller hands the
     * RIB a {@link RibEvent.RefreshBegun} with the returned round; the expiry follows it through the peer's inbox.
     */
    long refreshBegun(PeerSlot slot, PeerInfo info, Family family) {
        long round = refreshRounds.incrementAndGet();
        ScheduledFuture<?> expiry = expireLater(slot, slot.generation.get(), Rib.REFRESH_STALE_TIME,
                new RibEvent.RefreshStaleTimerExpired(info, family, round));
        ScheduledFuture<?> earlier = refreshes.computeIfAbsent(slot.id, id -> new ConcurrentHashMap<>()).put(family, expiry);
        if (earlier != null) {
            earlier.cancel(false);
        }
        return round;
    }

    /** The peer's EoRR came: the family's wait ends (a timer that fires meanwhile is ignored by its round). */
    void refreshEnded(PeerSlot slot, Family family) {
        Map<Family, ScheduledFuture<?>> pending = refreshes.get(slot.id);
        ScheduledFuture<?> expiry = pending == null ? null : pending.remove(family);
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    /** The peer is back, or removed: its restart and refresh timers end (a late one is ignored by generation anyway). */
    void cancel(PeerSlot slot) {
        List<ScheduledFuture<?>> pending = restarts.remove(slot.id);
        if (pending != null) {
            pending.forEach(f -> f.cancel(false));
        }
        Map<Family, ScheduledFuture<?>> refreshing = refreshes.remove(slot.id);
        if (refreshing != null) {
            refreshing.values().forEach(f -> f.cancel(false));
        }
    }

    /** Runs {@code task} once after {@code delay}. */
    void after(Duration delay, Runnable task) {
        timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code period}, first after one period. */
    void every(Duration period, Runnable task) {
        timers.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
