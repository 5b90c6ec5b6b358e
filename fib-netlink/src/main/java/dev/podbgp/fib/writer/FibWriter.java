package dev.podbgp.fib.writer;

import dev.podbgp.fib.netlink.Errno;
import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.fib.route.EcmpNexthops;
import dev.podbgp.fib.route.KernelRoute;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteOwner;
import dev.podbgp.fib.route.RouteResultListener;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv4PrefixMap;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the kernel's routes of our protocol and table equal to what the RIB wants.
 *
 * <p>Any thread may call {@link #install}/{@link #withdraw}: the latest wish per prefix replaces
 * earlier ones still pending, so a flapping prefix costs one write. One platform thread takes the
 * pending set, writes it as batches and handles the per-route answers: a refused route is retried
 * with exponential backoff and reported; a withdrawal of a route that is already gone counts as done.
 * IPv4 prefixes travel as packed {@code long}s ({@link Ipv4Prefix#pack}), so the steady path
 * allocates nothing per route.
 */
public final class FibWriter implements AutoCloseable, RouteResultListener, RouteMonitor.Events {

    private static final Object WITHDRAW = new Object();
    /** Result tags: bit 62 marks IPv6 (the rest indexes {@link #v6Tags}), bit 61 a deletion, bit 60 a nexthop object. */
    private static final long V6 = 1L << 62;
    private static final long DELETE = 1L << 61;
    private static final long NEXTHOP = 1L << 60;
    private static final long KEY = (1L << 60) - 1;

    private record Retry(int attempts, long dueNanos) {}

    private final RouteWriter writer;
    private final RouteMonitor monitor;
    private final FibConfig config;
    private final FibListener listener;
    private final EcmpNexthops ecmp;
    private final Thread thread;

    // Shared with producers, guarded by lock.
    private final Object lock = new Object();
    private Ipv4PrefixMap<Object> pendingV4 = new Ipv4PrefixMap<>(1024);
    private Ipv4PrefixMap<Object> takenV4 = new Ipv4PrefixMap<>(1024);
    private Map<Ipv6Prefix, Object> pendingV6 = new HashMap<>();
    private Map<Ipv6Prefix, Object> takenV6 = new HashMap<>();
    private Set<Prefix> healPending = new HashSet<>();
    private Ipv4PrefixMap<Boolean> healPendingV4 = new Ipv4PrefixMap<>(16);
    private Ipv4PrefixMap<Boolean> healTakenV4 = new Ipv4PrefixMap<>(16);
    private boolean resyncPending;
    private boolean sweepPending;
    private boolean running;
    private boolean writerWaiting;
    private long requested;
    private long completed;
    private volatile IOException failure;
    private volatile int writtenIpv4;
    private volatile int writtenIpv6;

    // Owned by the writer thread (and by start() before the thread runs).
    private final Ipv4PrefixMap<NextHop> desiredV4 = new Ipv4PrefixMap<>(1024);
    private final Map<Ipv6Prefix, NextHop> desiredV6 = new HashMap<>();
    private final Ipv4PrefixMap<NextHop> writtenV4 = new Ipv4PrefixMap<>(16);
    private final Map<Ipv6Prefix, NextHop> writtenV6 = new HashMap<>();
    private final Ipv4PrefixMap<Retry> retryV4 = new Ipv4PrefixMap<>(16);
    private final Map<Ipv6Prefix, Retry> retryV6 = new HashMap<>();
    private final List<Ipv6Prefix> v6Tags = new ArrayList<>();
    private final List<Prefix> stale = new ArrayList<>();
    private long[] dueScratch = new long[64];
    private int batchWritten;
    private int batchFailed;

    private FibWriter(RouteWriter writer, NetlinkSocket monitorSocket, FibConfig config, FibListener listener)
            throws IOException {
        this.config = config;
        this.listener = listener;
        this.writer = writer;
        this.monitor = monitorSocket == null ? null : new RouteMonitor(monitorSocket, writer.owner(), this);
        this.ecmp = config.useNexthopObjects() ? EcmpNexthops.probe(writer, config.firstNexthopId())
                : new EcmpNexthops(writer, config.firstNexthopId(), false);
        this.thread = Thread.ofPlatform().name("fib-writer").daemon().unstarted(this::loop);
    }

    /**
     * A writer for the namespace {@code namespace} (null: the caller's). Its sockets are created
     * there on a dedicated platform thread. Queue the routes the RIB already has, then {@link #start()}.
     */
    public static FibWriter open(NetworkNamespace namespace, RouteOwner owner, FibConfig config, FibListener listener)
            throws IOException {
        NetlinkSocket[] sockets = new NetlinkSocket[2];
        NetworkNamespace.Work<Void> open = () -> {
            sockets[0] = NetlinkSocket.open();
            sockets[1] = config.selfHealing() ? NetlinkSocket.open() : null;
            return null;
        };
        if (namespace == null) {
            open.run();
        } else {
            namespace.call(open);
        }
        // The writer needs the listener before the batch path exists: results go to this.
        FibWriter[] self = new FibWriter[1];
        try {
            RouteWriter writer = new RouteWriter(sockets[0], owner, 256, (tag, errno, reason) -> self[0].onResult(tag, errno, reason));
            self[0] = new FibWriter(writer, sockets[1], config, listener);
            return self[0];
        } catch (IOException | RuntimeException e) {
            sockets[0].close();
            if (sockets[1] != null) {
                sockets[1].close();
            }
            throw e;
        }
    }

    // ---- producer side (any thread) ----

    public void installIpv4(int bits, int length, NextHop nextHop) {
        submitV4(Ipv4Prefix.pack(bits, length), nextHop);
    }

    public void withdrawIpv4(int bits, int length) {
        submitV4(Ipv4Prefix.pack(bits, length), WITHDRAW);
    }

    public void install(Prefix prefix, NextHop nextHop) {
        submit(prefix, nextHop);
    }

    public void withdraw(Prefix prefix) {
        submit(prefix, WITHDRAW);
    }

    private void submit(Prefix prefix, Object value) {
        switch (prefix) {
            case Ipv4Prefix p -> submitV4(p.toLong(), value);
            case Ipv6Prefix p -> {
                synchronized (lock) {
                    pendingV6.put(p, value);
                    wake();
                }
            }
        }
    }

    private void submitV4(long key, Object value) {
        synchronized (lock) {
            pendingV4.put(key, value);
            wake();
        }
    }

    /** Graceful restart: the RIB has converged; our routes it did not ask for are deleted now. */
    public void ribConverged() {
        synchronized (lock) {
            sweepPending = true;
            wake();
        }
    }

    private void wake() {
        requested++;
        // A million submissions in a row would otherwise mean a million notifyAll calls on a busy writer.
        if (writerWaiting) {
            lock.notifyAll();
        }
    }

    /** Waits until everything submitted so far has been written once (answers received). */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long target = requested;
            while (completed < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || failure != null) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** The socket error that stopped the writer thread, or null. */
    public IOException failure() {
        return failure;
    }

    /** Routes of each family written to the kernel as of the last batch (for metrics; any thread). */
    public int writtenRoutes(boolean ipv6) {
        return ipv6 ? writtenIpv6 : writtenIpv4;
    }

    /** Routes we are retrying. */
    public int retrying() {
        synchronized (lock) {
            return retryV4.size() + retryV6.size();
        }
    }

    // ---- start: reconciliation ----

    /**
     * Reconciles and starts the threads: dumps our routes; those the queued state wants stay (or
     * are corrected), the others are deleted, or, in graceful-restart mode, kept until
     * {@link #ribConverged()}.
     */
    public void start() throws IOException {
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException("already started");
            }
            running = true;
            takePending();
        }
        long target;
        synchronized (lock) {
            target = requested;
        }
        applyTaken(false);
        reconcile(true);
        flush();
        synchronized (lock) {
            completed = Math.max(completed, target);
        }
        if (monitor != null) {
            monitor.start();
        }
        thread.start();
    }

    private void takePending() {
        Ipv4PrefixMap<Object> v4 = pendingV4;
        pendingV4 = takenV4;
        takenV4 = v4;
        Map<Ipv6Prefix, Object> v6 = pendingV6;
        pendingV6 = takenV6;
        takenV6 = v6;
    }

    /** Moves the taken changes into the desired state, writing each when {@code write}. */
    private void applyTaken(boolean write) throws IOException {
        takenV4.forEach((key, value) -> {
            if (value == WITHDRAW) {
                desiredV4.remove(key);
            } else {
                desiredV4.put(key, (NextHop) value);
            }
            if (write) {
                writeV4(key);
            }
        });
        takenV4.clear();
        for (Map.Entry<Ipv6Prefix, Object> e : takenV6.entrySet()) {
            if (e.getValue() == WITHDRAW) {
                desiredV6.remove(e.getKey());
            } else {
                desiredV6.put(e.getKey(), (NextHop) e.getValue());
            }
            if (write) {
                writeV6(e.getKey());
            }
        }
        takenV6.clear();
    }

    /**
     * Compares the kernel with the desired state: writes what is missing or different, deletes
     * ours that nobody wants (at start in graceful-restart mode: remembers them as stale instead).
     */
    private void reconcile(boolean atStart) throws IOException {
        boolean keepStale = atStart && config.gracefulRestart();
        Ipv4PrefixMap<Boolean> correctV4 = new Ipv4PrefixMap<>(desiredV4.size() + 16);
        for (KernelRoute route : writer.dumpRoutes(Rtnetlink.AF_INET)) {
            Ipv4Prefix p = (Ipv4Prefix) route.prefix();
            long key = p.toLong();
            NextHop want = desiredV4.get(key);
            if (want == null) {
                if (keepStale) {
                    stale.add(p);
                } else {
                    writer.deleteIpv4(p.bits(), p.length(), key | DELETE);
                }
            } else if (matches(route, want, writtenV4.get(key))) {
                correctV4.put(key, Boolean.TRUE);
            }
        }
        Set<Ipv6Prefix> correctV6 = new HashSet<>();
        for (KernelRoute route : writer.dumpRoutes(Rtnetlink.AF_INET6)) {
            Ipv6Prefix p = (Ipv6Prefix) route.prefix();
            NextHop want = desiredV6.get(p);
            if (want == null) {
                if (keepStale) {
                    stale.add(p);
                } else {
                    v6Tags.add(p);
                    writer.deleteIpv6(p.high(), p.low(), p.length(), V6 | DELETE | (v6Tags.size() - 1));
                }
            } else if (matches(route, want, writtenV6.get(p))) {
                correctV6.add(p);
            }
        }
        desiredV4.forEach((key, want) -> {
            if (correctV4.get(key) == null) {
                writeV4(key);
            }
        });
        for (Ipv6Prefix p : new ArrayList<>(desiredV6.keySet())) {
            if (!correctV6.contains(p)) {
                writeV6(p);
            }
        }
    }

    private static boolean matches(KernelRoute route, NextHop want, NextHop written) {
        return switch (want) {
            case NextHop.Gateway g -> route.type() == Rtnetlink.RTN_UNICAST && g.address().equals(route.gateway())
                    && (g.ifindex() == 0 || g.ifindex() == route.oif()) && route.nexthopId() == 0;
            case NextHop.Device d -> route.type() == Rtnetlink.RTN_UNICAST && route.gateway() == null
                    && route.oif() == d.ifindex() && route.nexthopId() == 0;
            case NextHop.Blackhole b -> route.type() == Rtnetlink.RTN_BLACKHOLE;
            case NextHop.Unreachable u -> route.type() == Rtnetlink.RTN_UNREACHABLE;
            case NextHop.Object o -> route.nexthopId() == o.id();
            case NextHop.Multipath m -> written instanceof NextHop.Object o ? route.nexthopId() == o.id()
                    : route.multipath().equals(m.paths().stream().map(NextHop.Gateway::address).toList());
        };
    }

    // ---- the writer thread ----

    private void loop() {
        try {
            while (true) {
                boolean heal;
                boolean resync;
                boolean sweep;
                Set<Prefix> healing;
                long target;
                synchronized (lock) {
                    while (running && pendingV4.isEmpty() && pendingV6.isEmpty() && healPending.isEmpty()
                            && healPendingV4.isEmpty()
                            && !resyncPending && !sweepPending && !retryDue()) {
                        writerWaiting = true;
                        try {
                            lock.wait(waitMillis());
                        } finally {
                            writerWaiting = false;
                        }
                    }
                    if (!running) {
                        return;
                    }
                    takePending();
                    heal = !healPending.isEmpty();
                    healing = heal ? healPending : Set.of();
                    if (heal) {
                        healPending = new HashSet<>();
                    }
                    Ipv4PrefixMap<Boolean> swap = healTakenV4;
                    healTakenV4 = healPendingV4;
                    healPendingV4 = swap;
                    resync = resyncPending;
                    sweep = sweepPending;
                    resyncPending = false;
                    sweepPending = false;
                    target = requested;
                }
                applyTaken(true);
                healTakenV4.forEach((key, unused) -> {
                    if (desiredV4.get(key) != null) {
                        listener.onHealed(Ipv4Prefix.fromLong(key));
                        writeV4(key);
                    }
                });
                healTakenV4.clear();
                for (Prefix p : healing) {
                    if (p instanceof Ipv4Prefix v4 && desiredV4.get(v4.toLong()) != null) {
                        listener.onHealed(p);
                        writeV4(v4.toLong());
                    } else if (p instanceof Ipv6Prefix v6 && desiredV6.containsKey(v6)) {
                        listener.onHealed(p);
                        writeV6(v6);
                    }
                }
                if (sweep) {
                    sweepStale();
                }
                if (resync) {
                    flush();
                    reconcile(false);
                }
                writeDueRetries();
                flush();
                synchronized (lock) {
                    completed = Math.max(completed, target);
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    private void sweepStale() throws IOException {
        for (Prefix p : stale) {
            switch (p) {
                case Ipv4Prefix v4 -> {
                    if (desiredV4.get(v4.toLong()) == null) {
                        writer.deleteIpv4(v4.bits(), v4.length(), v4.toLong() | DELETE);
                    }
                }
                case Ipv6Prefix v6 -> {
                    if (!desiredV6.containsKey(v6)) {
                        v6Tags.add(v6);
                        writer.deleteIpv6(v6.high(), v6.low(), v6.length(), V6 | DELETE | (v6Tags.size() - 1));
                    }
                }
            }
        }
        stale.clear();
    }

    private boolean retryDue() {
        return nextDue() <= System.nanoTime();
    }

    private long nextDue() {
        long due = Long.MAX_VALUE;
        // Few routes are ever retrying at once; scanning them is cheaper than keeping a heap in step.
        long[] min = {Long.MAX_VALUE};
        retryV4.forEach((k, r) -> min[0] = Math.min(min[0], r.dueNanos()));
        due = min[0];
        for (Retry r : retryV6.values()) {
            due = Math.min(due, r.dueNanos());
        }
        return due;
    }

    private long waitMillis() {
        long due = nextDue();
        if (due == Long.MAX_VALUE) {
            return 1_000;
        }
        return Math.max(1, Math.min(1_000, (due - System.nanoTime()) / 1_000_000 + 1));
    }

    private void writeDueRetries() throws IOException {
        long now = System.nanoTime();
        int[] count = {0};
        synchronized (lock) {
            retryV4.forEach((key, r) -> {
                if (r.dueNanos() <= now) {
                    if (count[0] == dueScratch.length) {
                        dueScratch = java.util.Arrays.copyOf(dueScratch, count[0] * 2);
                    }
                    dueScratch[count[0]++] = key;
                }
            });
        }
        for (int i = 0; i < count[0]; i++) {
            writeV4(dueScratch[i]);
        }
        List<Ipv6Prefix> due6 = new ArrayList<>();
        synchronized (lock) {
            retryV6.forEach((p, r) -> {
                if (r.dueNanos() <= now) {
                    due6.add(p);
                }
            });
        }
        for (Ipv6Prefix p : due6) {
            writeV6(p);
        }
    }

    private void writeV4(long key) throws IOException {
        int bits = (int) (key >>> 8);
        int length = (int) (key & 0xff);
        NextHop want = desiredV4.get(key);
        NextHop before = writtenV4.remove(key);
        if (want != null) {
            NextHop w = ecmp.resolve(want, NEXTHOP);
            if (w != want) {
                writtenV4.put(key, w);
            }
            writer.replaceIpv4(bits, length, w, key);
        } else {
            writer.deleteIpv4(bits, length, key | DELETE);
        }
        ecmp.release(before, NEXTHOP);
    }

    private void writeV6(Ipv6Prefix p) throws IOException {
        NextHop want = desiredV6.get(p);
        NextHop before = writtenV6.remove(p);
        v6Tags.add(p);
        long tag = V6 | (v6Tags.size() - 1);
        if (want != null) {
            NextHop w = ecmp.resolve(want, NEXTHOP);
            if (w != want) {
                writtenV6.put(p, w);
            }
            writer.replaceIpv6(p.high(), p.low(), p.length(), w, tag);
        } else {
            writer.deleteIpv6(p.high(), p.low(), p.length(), tag | DELETE);
        }
        ecmp.release(before, NEXTHOP);
    }

    private void flush() throws IOException {
        writer.flush();
        v6Tags.clear();
        writtenIpv4 = writtenV4.size();
        writtenIpv6 = writtenV6.size();
        if (batchWritten + batchFailed > 0) {
            listener.onBatch(batchWritten, batchFailed);
        }
        batchWritten = 0;
        batchFailed = 0;
    }

    /** One answer from the kernel (called inside {@link RouteWriter#flush()} on this thread). */
    @Override
    public void onResult(long tag, int errno, String reason) {
        if ((tag & NEXTHOP) != 0) {
            // A refused nexthop object shows up again as the refusal of the route that uses it.
            return;
        }
        boolean delete = (tag & DELETE) != 0;
        boolean ok = errno == 0 || (delete && errno == Errno.ESRCH);
        if (ok) {
            batchWritten++;
        } else {
            batchFailed++;
        }
        if ((tag & V6) != 0) {
            Ipv6Prefix p = v6Tags.get((int) (tag & KEY));
            Retry previous;
            synchronized (lock) {
                previous = ok ? retryV6.remove(p) : retryV6.get(p);
                if (!ok) {
                    retryV6.put(p, next(previous));
                }
            }
            report(p, ok, previous, errno, reason);
        } else {
            long key = tag & KEY;
            Retry previous;
            synchronized (lock) {
                previous = ok ? retryV4.remove(key) : retryV4.get(key);
                if (!ok) {
                    retryV4.put(key, next(previous));
                }
            }
            if (!ok || previous != null) {
                report(Ipv4Prefix.fromLong(key), ok, previous, errno, reason);
            }
        }
    }

    private void report(Prefix prefix, boolean ok, Retry previous, int errno, String reason) {
        if (ok) {
            if (previous != null) {
                listener.onRecovered(prefix);
            }
        } else {
            listener.onFailure(prefix, errno, reason, previous == null ? 1 : previous.attempts() + 1);
        }
    }

    private Retry next(Retry previous) {
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        long delay = config.firstRetry().toNanos() << Math.min(attempts - 1, 20);
        delay = Math.min(delay, config.maxRetry().toNanos());
        return new Retry(attempts, System.nanoTime() + delay);
    }

    // ---- notifications (monitor thread) ----

    @Override
    public void ipv4RouteDeleted(long packed) {
        synchronized (lock) {
            healPendingV4.put(packed, Boolean.TRUE);
            wake();
        }
    }

    @Override
    public void routeDeleted(Prefix prefix) {
        synchronized (lock) {
            healPending.add(prefix);
            wake();
        }
    }

    @Override
    public void linkUp(int ifindex) {
        requestResync();
    }

    @Override
    public void overrun() {
        requestResync();
    }

    private void requestResync() {
        synchronized (lock) {
            resyncPending = true;
            wake();
        }
    }

    // ---- shutdown ----

    /**
     * Stops the threads. Without graceful restart our routes and nexthop objects are removed
     * first; with it they stay for the next start to reconcile.
     */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (monitor != null) {
            monitor.close();
        }
        try {
            if (!config.gracefulRestart() && failure == null) {
                synchronized (lock) {
                    takePending();
                }
                applyTaken(false);
                desiredV4.forEach((key, nh) -> writer.deleteIpv4((int) (key >>> 8), (int) (key & 0xff), key | DELETE));
                for (Ipv6Prefix p : desiredV6.keySet()) {
                    v6Tags.add(p);
                    writer.deleteIpv6(p.high(), p.low(), p.length(), V6 | DELETE | (v6Tags.size() - 1));
                }
                flush();
                ecmp.deleteAll(NEXTHOP);
                flush();
                desiredV4.clear();
                desiredV6.clear();
            }
        } finally {
            writer.close();
        }
    }
}
