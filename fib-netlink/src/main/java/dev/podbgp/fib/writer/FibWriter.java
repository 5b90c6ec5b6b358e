package dev.podbgp.fib.writer;

import dev.podbgp.fib.netlink.Errno;
import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.fib.route.EcmpNexthops;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteOwner;
import dev.podbgp.fib.route.RouteResultListener;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Keeps the kernel's routes of our protocol and table equal to what the RIB wants.
 *
 * <p>Any thread may call {@link #install}/{@link #withdraw}: the latest wish per prefix replaces
 * earlier ones still pending, so a flapping prefix costs one write. One platform thread, the
 * fib-writer, takes the pending wishes, writes them as batches and handles the per-route
 * answers: a refused route is retried with backoff ({@link RetrySchedule}) and reported; a
 * withdrawal of a route that is already gone counts as done. Each family's state is one
 * {@link FamilyRoutes}; IPv4 keys are packed prefixes ({@link Ipv4Prefix#pack}), so the steady
 * path allocates nothing per route.
 *
 * <p>Threads: producers and the fib-monitor thread hand work over under {@link #lock}; the
 * fib-writer thread owns the desired and written state and the route writer.
 */
public final class FibWriter implements AutoCloseable, RouteMonitor.Events {

    private final RouteWriter writer;
    private final RouteMonitor monitor;
    private final FibConfig config;
    private final FibListener listener;
    private final EcmpNexthops ecmp;
    private final FamilyRoutes ipv4;
    private final FamilyRoutes ipv6;
    private final List<FamilyRoutes> families;
    private final Thread thread;

    // Shared with producers and the monitor, guarded by lock.
    private final Object lock = new Object();
    private boolean resyncPending;
    private boolean sweepPending;
    private boolean running;
    private boolean writerWaiting;
    /** {@link #trimTables} requests so far, and the last one a pass of the writer thread has done. */
    private long trimsRequested;
    private long trimsDone;
    private long requested;
    private long completed;
    private volatile IOException failure;

    // The fib-writer thread: the kernel's answers of the current batch; the stale routes of a
    // graceful restart not yet swept (a re-sync keeps them too); when the next scan is due.
    private int batchWritten;
    private int batchFailed;
    private boolean staleKept;
    /** Our routes found in the kernel at start that nobody asked for yet, kept as stale. */
    private volatile int keptAtStart;
    /** Route deletions the monitor reported (tests: to know one was seen). */
    private long deletionsSeen;
    private long nextScanNanos = Long.MAX_VALUE;

    private FibWriter(RouteWriter writer, NetlinkSocket monitorSocket, FibConfig config, FibListener listener)
            throws IOException {
        this.config = config;
        this.listener = listener;
        this.writer = writer;
        this.monitor = monitorSocket == null ? null : new RouteMonitor(monitorSocket, writer.owner(), this);
        this.ecmp = config.useNexthopObjects() ? EcmpNexthops.probe(writer, config.firstNexthopId())
                : new EcmpNexthops(writer, config.firstNexthopId(), false);
        this.ipv4 = new FamilyRoutes(new Ipv4RouteKeys(), writer, ecmp, listener, retrySchedule(), 1024);
        this.ipv6 = new FamilyRoutes(new Ipv6RouteKeys(), writer, ecmp, listener, retrySchedule(), 16);
        this.families = List.of(ipv4, ipv6);
        this.thread = Thread.ofPlatform().name("fib-writer").daemon().unstarted(this::loop);
    }

    private RetrySchedule retrySchedule() {
        return new RetrySchedule(config.firstRetry(), config.maxRetry());
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
        // The route writer needs its result listener before the FibWriter that is it exists.
        FibWriter[] self = new FibWriter[1];
        try {
            RouteResultListener results = (tag, errno, reason) -> self[0].answered(tag, errno, reason);
            self[0] = new FibWriter(new RouteWriter(sockets[0], owner, 256, results), sockets[1], config, listener);
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
        submitIpv4(Ipv4Prefix.pack(bits, length), nextHop);
    }

    public void withdrawIpv4(int bits, int length) {
        submitIpv4(Ipv4Prefix.pack(bits, length), FamilyRoutes.WITHDRAW);
    }

    public void install(Prefix prefix, NextHop nextHop) {
        submit(prefix, nextHop);
    }

    public void withdraw(Prefix prefix) {
        submit(prefix, FamilyRoutes.WITHDRAW);
    }

    private void submit(Prefix prefix, Object wish) {
        switch (prefix) {
            case Ipv4Prefix p -> submitIpv4(p.toLong(), wish);
            case Ipv6Prefix p -> {
                synchronized (lock) {
                    ipv6.submit(p, wish);
                    wake();
                }
            }
        }
    }

    private void submitIpv4(long key, Object wish) {
        synchronized (lock) {
            ipv4.submit(key, wish);
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

    /** Counts a submission, which {@link #awaitWritten} waits for, and wakes the writer. */
    private void wake() {
        requested++;
        wakeWriter();
    }

    /**
     * Wakes the writer without counting a submission: a notification may ask for nothing (the
     * deletion of a route whose key is already given back), and a count nothing answers would
     * keep {@link #awaitWritten} waiting.
     */
    private void wakeWriter() {
        // A million submissions in a row would otherwise mean a million notifyAll calls on a busy writer.
        if (writerWaiting) {
            lock.notifyAll();
        }
    }

    /** Slots of every family's swap buffers, for tests of their sizing. */
    int bufferSlots() {
        synchronized (lock) {
            return families.stream().mapToInt(FamilyRoutes::bufferSlots).sum();
        }
    }

    /** Slots of every family's desired state, for tests of its sizing; after {@link #trimTables} returned. */
    int desiredSlots() {
        synchronized (lock) {
            return families.stream().mapToInt(FamilyRoutes::desiredSlots).sum();
        }
    }

    /**
     * A large change is over: has the writer thread give back the room its desired state no longer needs
     * ({@link FamilyRoutes#trimDesired}) and, if nothing is pending, its grown swap buffers
     * ({@link FamilyRoutes#shrinkIdleBuffers}), and waits for it, so that a full collection afterwards frees the old
     * tables. The state stays the writer thread's; this only asks. False when the writer did not get to it
     * within {@code timeout}, or has stopped.
     */
    public boolean trimTables(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long target = ++trimsRequested;
            wakeWriter();
            while (trimsDone < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || failure != null || !running) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Whether everything submitted so far has been written once and the writer thread waits for more. */
    public boolean idle() {
        synchronized (lock) {
            // Waiting, too: nothing is taken then, so the swap buffers hold nothing of the table.
            return completed >= requested && writerWaiting;
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

    /**
     * How many of our routes {@link #start()} found in the kernel and kept as stale, none of which
     * was asked for before it: a previous run's forwarding state, so this start is a restart.
     */
    public int keptAtStart() {
        return keptAtStart;
    }

    /** The socket error that stopped the writer thread, or null. */
    public IOException failure() {
        return failure;
    }

    /** Our routes of each family in the kernel as of the last batch (for metrics; any thread). */
    public int writtenRoutes(boolean ipv6) {
        return (ipv6 ? this.ipv6 : ipv4).installed();
    }

    /** Routes we are retrying (any thread). */
    public int retrying() {
        return ipv4.retrying().size() + ipv6.retrying().size();
    }

    /** IPv6 prefixes holding a number now (tests: numbers go back when the routes do). */
    long deletionsSeen() {
        synchronized (lock) {
            return deletionsSeen;
        }
    }

    int numberedIpv6Prefixes() {
        return ((Ipv6RouteKeys) ipv6.keys()).size();
    }

    // ---- start: reconciliation ----

    /**
     * Reconciles and starts the threads: dumps our routes; those the queued state wants stay (or
     * are corrected), the others are deleted, or, in graceful-restart mode, kept until
     * {@link #ribConverged()}.
     */
    public void start() throws IOException {
        long target;
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException("already started");
            }
            running = true;
            families.forEach(FamilyRoutes::take);
            target = requested;
        }
        for (FamilyRoutes family : families) {
            family.applyTaken(false);
        }
        staleKept = config.keepStaleAtStart();
        reconcile(staleKept);
        flush();
        keptAtStart = ipv4.staleCount() + ipv6.staleCount();
        scheduleScan();
        synchronized (lock) {
            completed = Math.max(completed, target);
        }
        if (monitor != null) {
            monitor.start();
        }
        thread.start();
    }

    private void reconcile(boolean keepStale) throws IOException {
        for (FamilyRoutes family : families) {
            int af = family.keys().family();
            Reconciliation.reconcile(family, visitor -> writer.dumpRoutes(af, visitor), keepStale);
        }
    }

    // ---- the writer thread ----

    private void loop() {
        try {
            while (true) {
                boolean resync;
                boolean sweep;
                long trimTarget;
                long target;
                synchronized (lock) {
                    while (running && !ipv4.hasPending() && !ipv6.hasPending() && !resyncPending && !sweepPending
                            && trimsDone == trimsRequested && nextWakeNanos() > System.nanoTime()) {
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
                    families.forEach(FamilyRoutes::take);
                    resync = resyncPending || nextScanNanos <= System.nanoTime();
                    sweep = sweepPending;
                    trimTarget = trimsRequested;
                    resyncPending = false;
                    sweepPending = false;
                    target = requested;
                }
                for (FamilyRoutes family : families) {
                    family.applyTaken(true);
                    family.applyHeals();
                    if (sweep) {
                        family.sweepStale();
                    }
                }
                if (sweep) {
                    staleKept = false;
                }
                if (resync) {
                    flush();
                    // Until the RIB has converged, ours that nobody wants yet are stale, not unwanted.
                    reconcile(staleKept);
                    scheduleScan();
                }
                long now = System.nanoTime();
                for (FamilyRoutes family : families) {
                    family.writeDueRetries(now);
                }
                flush();
                boolean trim = trimTarget > trimsDone;
                if (trim) {
                    families.forEach(FamilyRoutes::trimDesired);
                }
                synchronized (lock) {
                    if (trim && !ipv4.hasPending() && !ipv6.hasPending()) {
                        // Nothing pending and nothing taken: the swap buffers a large change grew can go now, before
                        // the caller's collection. Not each time the writer idles: a table flapping faster than the
                        // heap trim would regrow them every pass, and the grown copies were promoted garbage.
                        families.forEach(FamilyRoutes::shrinkIdleBuffers);
                    }
                    completed = Math.max(completed, target);
                    trimsDone = Math.max(trimsDone, trimTarget);
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug, not the kernel: still a writer that stopped, which the daemon must see.
            failure = new IOException("fib-writer thread failed", e);
        } finally {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
        if (failure != null) {
            listener.onWriterStopped(failure);
        }
    }

    private void scheduleScan() {
        nextScanNanos = config.scanInterval().isZero() ? Long.MAX_VALUE : System.nanoTime() + config.scanInterval().toNanos();
    }

    /** The next retry or scan. */
    private long nextWakeNanos() {
        return Math.min(nextScanNanos, Math.min(ipv4.retrying().nextDueNanos(), ipv6.retrying().nextDueNanos()));
    }

    private long waitMillis() {
        long due = nextWakeNanos();
        if (due == Long.MAX_VALUE) {
            return 1_000;
        }
        return Math.max(1, Math.min(1_000, (due - System.nanoTime()) / 1_000_000 + 1));
    }

    /** Sends the batch and takes its answers; then counts what is installed and frees unused keys. */
    private void flush() throws IOException {
        writer.flush();
        synchronized (lock) {
            for (FamilyRoutes family : families) {
                family.afterBatch();
            }
        }
        for (FamilyRoutes family : families) {
            family.countInstalled();
        }
        if (batchWritten + batchFailed > 0) {
            listener.onBatch(batchWritten, batchFailed);
        }
        batchWritten = 0;
        batchFailed = 0;
    }

    /** One answer from the kernel (called inside {@link RouteWriter#flush()} on the writing thread). */
    private void answered(long tag, int errno, String reason) {
        if (RequestTag.isNexthop(tag)) {
            // A refused nexthop object shows up again as the refusal of the route that uses it.
            return;
        }
        boolean delete = RequestTag.isDelete(tag);
        boolean ok = errno == 0 || (delete && errno == Errno.ESRCH);
        if (ok) {
            batchWritten++;
        } else {
            batchFailed++;
        }
        FamilyRoutes family = RequestTag.isIpv6(tag) ? ipv6 : ipv4;
        family.answered(RequestTag.key(tag), ok, errno, reason, System.nanoTime());
    }

    // ---- notifications (fib-monitor thread) ----

    @Override
    public void ipv4RouteDeleted(long packed) {
        synchronized (lock) {
            ipv4.heal(packed);
            deletionsSeen++;
            wakeWriter();
        }
    }

    @Override
    public void routeDeleted(Prefix prefix) {
        synchronized (lock) {
            (prefix instanceof Ipv6Prefix ? ipv6 : ipv4).heal(prefix);
            deletionsSeen++;
            wakeWriter();
        }
    }

    @Override
    public void linkUp(int ifindex, String name) {
        requestResync();
        listener.onLinkUp(name);
    }

    @Override
    public void linkDown(int ifindex, String name) {
        listener.onLinkDown(name);
    }

    @Override
    public void defaultRouteChanged(boolean ipv6) {
        listener.onDefaultRouteChanged(ipv6);
    }

    @Override
    public void overrun() {
        requestResync();
    }

    private void requestResync() {
        synchronized (lock) {
            resyncPending = true;
            wakeWriter();
        }
    }

    // ---- shutdown ----

    /**
     * Stops the threads. Unless {@link FibConfig#keepOnClose()} our routes and nexthop objects
     * are removed first; with it they stay for the next start to reconcile.
     */
    @Override
    public void close() throws IOException {
        stop(!config.keepOnClose());
    }

    /**
     * Stops the threads and leaves every route of ours in the kernel as it is, whatever the
     * config says: for a start that failed half way, and for a stop that hands the forwarding
     * state to the next run.
     */
    public void detach() throws IOException {
        stop(false);
    }

    private void stop(boolean deleteOurs) throws IOException {
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
            if (deleteOurs && failure == null) {
                synchronized (lock) {
                    families.forEach(FamilyRoutes::take);
                }
                for (FamilyRoutes family : families) {
                    family.applyTaken(false);
                    family.deleteAll();
                }
                flush();
                ecmp.deleteAll(RequestTag.NEXTHOP);
                flush();
                families.forEach(FamilyRoutes::clearDesired);
            }
        } finally {
            writer.close();
        }
    }
}
