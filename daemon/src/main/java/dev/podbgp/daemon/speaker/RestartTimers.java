package dev.podbgp.daemon.speaker;

import dev.podbgp.rib.PeerInfo;
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

/**
 * The speaker's timers, on the platform thread "podbgp-timers": graceful-restart and long-lived stale timers of
 * restarting peers (RFC 4724 §4.2, RFC 9494 §4.2), max-prefix restarts, and the periodic count refresh. A timer
 * never changes anything itself: it hands an event to the RIB or calls the transport.
 */
final class RestartTimers implements AutoCloseable {

    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("podbgp-timers").daemon().factory());
    private final RibThread rib;
    /** Pending graceful-restart timers by peer slot id. */
    private final Map<Integer, List<ScheduledFuture<?>>> restarts = new ConcurrentHashMap<>();

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

    /** The peer is back, or removed: its restart timers end (a late one is ignored by generation anyway). */
    void cancel(PeerSlot slot) {
        List<ScheduledFuture<?>> pending = restarts.remove(slot.id);
        if (pending != null) {
            pending.forEach(f -> f.cancel(false));
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
