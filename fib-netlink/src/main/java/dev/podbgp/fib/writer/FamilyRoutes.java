package dev.podbgp.fib.writer;

import dev.podbgp.fib.netlink.Errno;
import dev.podbgp.fib.route.EcmpNexthops;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.inet.Ipv4PrefixMap;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.util.Arrays;

/**
 * One address family's routes in the writer, each kept under its {@link RouteKeys} key:
 * <ul>
 *   <li>pending: the latest wish per prefix from producers, not yet taken by the writer thread;
 *   <li>desired: what the RIB wants in the kernel;
 *   <li>written: what was written where it differs from the wish (ECMP as a nexthop object);
 *   <li>retrying: what the kernel refused ({@link RetrySchedule});
 *   <li>stale: after a graceful restart, our routes found in the kernel that nobody asked for yet.
 * </ul>
 * Pending and the heal requests are guarded by the writer's lock (the caller holds it); the
 * rest belongs to the fib-writer thread, and to {@link FibWriter#start()} before that runs.
 */
final class FamilyRoutes {

    /** Swap buffers keep room for this many routes when idle: everyday churn never regrows them. */
    private static final int IDLE_BUFFER_ROUTES = 1024;

    /** The pending wish that removes a route. */
    static final Object WITHDRAW = new Object();

    private final RouteKeys keys;
    private final RouteWriter writer;
    private final EcmpNexthops ecmp;
    private final FibListener listener;
    private final RetrySchedule retrying;

    private Ipv4PrefixMap<Object> pending;
    private Ipv4PrefixMap<Object> taken;
    private Ipv4PrefixMap<Boolean> healPending = new Ipv4PrefixMap<>(16);
    private Ipv4PrefixMap<Boolean> healTaken = new Ipv4PrefixMap<>(16);

    private final Ipv4PrefixMap<NextHop> desired;
    private final Ipv4PrefixMap<NextHop> written = new Ipv4PrefixMap<>(16);
    private final Ipv4PrefixMap<Boolean> stale = new Ipv4PrefixMap<>(16);
    /** Numbered keys this batch may have let go of: given back after it if unused. */
    private long[] releaseCandidates = new long[16];
    private int candidateCount;
    private volatile int installed;

    FamilyRoutes(RouteKeys keys, RouteWriter writer, EcmpNexthops ecmp, FibListener listener, RetrySchedule retrying,
                 int expectedRoutes) {
        this.keys = keys;
        this.writer = writer;
        this.ecmp = ecmp;
        this.listener = listener;
        this.retrying = retrying;
        this.pending = new Ipv4PrefixMap<>(expectedRoutes);
        this.taken = new Ipv4PrefixMap<>(expectedRoutes);
        this.desired = new Ipv4PrefixMap<>(expectedRoutes);
    }

    RouteKeys keys() {
        return keys;
    }

    RetrySchedule retrying() {
        return retrying;
    }

    // ---- producer side: the caller holds the writer's lock ----

    /** Records the latest wish for {@code key}: a {@link NextHop} or {@link #WITHDRAW}. */
    void submit(long key, Object wish) {
        pending.put(key, wish);
    }

    void submit(Prefix prefix, Object wish) {
        pending.put(keys.keyOf(prefix), wish);
    }

    /** Someone deleted our route to {@code prefix}: write it again if it is still wanted. */
    void heal(long key) {
        healPending.put(key, Boolean.TRUE);
    }

    void heal(Prefix prefix) {
        long key = keys.existingKey(prefix);
        if (key >= 0) {
            healPending.put(key, Boolean.TRUE);
        }
    }

    boolean hasPending() {
        return !pending.isEmpty() || !healPending.isEmpty();
    }

    /** Takes the pending wishes and heal requests for the writer thread. */
    void take() {
        Ipv4PrefixMap<Object> wishes = pending;
        pending = taken;
        taken = wishes;
        Ipv4PrefixMap<Boolean> heals = healPending;
        healPending = healTaken;
        healTaken = heals;
    }

    // ---- the writer thread ----

    /** Moves the taken wishes into the desired state, writing each when {@code write}. */
    void applyTaken(boolean write) throws IOException {
        boolean anyStale = !stale.isEmpty();
        taken.forEach((key, wish) -> {
            if (anyStale) {
                // Wanted or withdrawn, the route's fate is the RIB's now.
                stale.remove(key);
            }
            NextHop want;
            if (wish == WITHDRAW) {
                desired.remove(key);
                want = null;
            } else {
                want = (NextHop) wish;
                NextHop was = desired.put(key, want);
                if (was != null && was != want && !was.equals(want)) {
                    // Written below as a replace, never delete-then-add: the route keeps forwarding throughout.
                    listener.onNextHopChanged(keys.prefix(key), was, want);
                }
            }
            if (write) {
                // The wish itself, not a second lookup: a miss in a full map walks its whole probe run.
                write(key, want);
            }
        });
        taken.clear();
    }

    /** Slots of the two swap buffers; the caller holds the lock. */
    int bufferSlots() {
        return pending.capacity() + taken.capacity();
    }

    /**
     * Gives back swap buffers grown for a large pass (a full table: 12 MB each) when a heap trim
     * asks; the caller holds the lock and nothing is pending or taken. A buffer that is needed
     * again grows again, as it did the first time.
     */

    void shrinkIdleBuffers() {
        pending.clearAndShrink(IDLE_BUFFER_ROUTES);
        taken.clearAndShrink(IDLE_BUFFER_ROUTES);
    }

    /**
     * Gives back the room a large change left in the desired and written state (they grow by doubling: a full
     * table could keep 2M slots, 25 MB, for 1M routes); the writer's thread. Cheap when there is none.
     */
    void trimDesired() {
        desired.trimToSize();
        written.trimToSize();
    }

    /** Slots of the desired state, for tests of its sizing. */
    int desiredSlots() {
        return desired.capacity();
    }

    /** Writes again the taken heal requests whose routes are still wanted. */
    void applyHeals() throws IOException {
        healTaken.forEach((key, unused) -> {
            if (desired.get(key) != null) {
                listener.onHealed(keys.prefix(key));
                write(key);
            } else {
                // Mostly our own deletion, seen by the monitor: the heal request held the key.
                mayRelease(key);
            }
        });
        healTaken.clear();
    }

    /** Writes the desired state of {@code key}: its route, or its deletion if nobody wants it. */
    void write(long key) throws IOException {
        write(key, desired.get(key));
    }

    /**
     * Writes {@code want}, the desired state of {@code key} (null: nobody wants it). A request that
     * cannot be encoded (too many paths, say) is refused for this route alone, like a refusal by
     * the kernel: reported, retried with backoff, and the writer goes on with the other routes
     * (DESIGN "Errors": netlink failures are per route).
     */
    private void write(long key, NextHop want) throws IOException {
        NextHop resolved = null;
        try {
            if (want != null) {
                resolved = ecmp.resolve(want, RequestTag.NEXTHOP);
                keys.replace(writer, key, resolved, keys.tagBit() | key);
            } else {
                delete(key);
            }
        } catch (IllegalArgumentException e) {
            // Nothing was queued for the route: the kernel keeps what it had, and so does written.
            ecmp.release(resolved, RequestTag.NEXTHOP);
            answered(key, false, Errno.EINVAL, e.getMessage(), System.nanoTime());
            return;
        }
        NextHop before = resolved != null && resolved != want ? written.put(key, resolved) : written.remove(key);
        // After the route's request was queued: the kernel sees the route leave a group before the group goes.
        ecmp.release(before, RequestTag.NEXTHOP);
    }

    /** Deletes our route under {@code key} from the kernel. */
    void delete(long key) throws IOException {
        keys.delete(writer, key, keys.tagBit() | RequestTag.DELETE | key);
    }

    NextHop desired(long key) {
        return desired.get(key);
    }

    NextHop written(long key) {
        return written.get(key);
    }

    int desiredCount() {
        return desired.size();
    }

    <X extends Exception> void forEachDesired(Ipv4PrefixMap.ThrowingEntryVisitor<NextHop, X> visitor) throws X {
        desired.forEach(visitor);
    }

    /**
     * Graceful restart: keeps our route under {@code key}, which nobody wants yet, in the kernel
     * until the RIB wants or withdraws it, or {@link #sweepStale()}.
     */
    void keepStale(long key) {
        stale.put(key, Boolean.TRUE);
    }

    /** Stale routes kept now (the writer's thread, or {@link FibWriter#start()} before the thread runs). */
    int staleCount() {
        return stale.size();
    }

    /** The RIB has converged: deletes the stale routes, none of which it asked for. */
    void sweepStale() throws IOException {
        stale.forEach((key, unused) -> delete(key));
        stale.clear();
    }

    /** Writes the refused routes whose retry is due. */
    void writeDueRetries(long nowNanos) throws IOException {
        retrying.forEachDue(nowNanos, this::write);
    }

    /** Close without keeping routes: deletes every route we wanted, and the stale ones still kept. */
    void deleteAll() throws IOException {
        desired.forEach((key, unused) -> delete(key));
        sweepStale();
    }

    void clearDesired() {
        desired.clear();
    }

    /** The kernel's answer to a request for {@code key}: done ({@code ok}) or refused with {@code errno}. */
    void answered(long key, boolean ok, int errno, String reason, long nowNanos) {
        if (ok) {
            if (retrying.succeeded(key)) {
                listener.onRecovered(keys.prefix(key));
            }
        } else {
            int attempt = retrying.failed(key, nowNanos);
            listener.onFailure(keys.prefix(key), errno, reason, attempt);
        }
        mayRelease(key);
    }

    private void mayRelease(long key) {
        if (keys.numbered()) {
            if (candidateCount == releaseCandidates.length) {
                releaseCandidates = Arrays.copyOf(releaseCandidates, candidateCount * 2);
            }
            releaseCandidates[candidateCount++] = key;
        }
    }

    /**
     * After a batch was answered: gives back the numbers of keys the writer no longer holds. The caller holds the writer's lock, so no
     * producer is numbering a prefix meanwhile.
     */
    void afterBatch() {
        for (int i = 0; i < candidateCount; i++) {
            long key = releaseCandidates[i];
            if (pending.get(key) == null && taken.get(key) == null && healPending.get(key) == null
                    && desired.get(key) == null && written.get(key) == null && stale.get(key) == null
                    && !retrying.contains(key)) {
                keys.release(key);
            }
        }
        candidateCount = 0;
    }

    /** Updates {@link #installed()}; call after a batch was answered. */
    void countInstalled() {
        installed = desired.size() - refusedDesired() + stale.size();
    }

    /** Wanted routes the kernel refused and that wait for a retry; only the few retrying keys are looked at. */
    int refusedDesired() {
        int[] refused = {0};
        retrying.forEachKey(key -> {
            if (desired.get(key) != null) {
                refused[0]++;
            }
        });
        return refused[0];
    }

    /** Our routes of this family in the kernel as of the last batch: wanted and not refused, plus stale ones kept (any thread). */
    int installed() {
        return installed;
    }
}
