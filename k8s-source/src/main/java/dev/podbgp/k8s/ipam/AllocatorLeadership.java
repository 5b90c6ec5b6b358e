package dev.podbgp.k8s.ipam;

import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Only one podbgp pod allocates at a time: the one holding the coordination.k8s.io/v1 Lease
 * {@value #LEASE} in podbgp's namespace. fabric8's elector ends its run when leadership is lost
 * (renewal failed for {@code renewDeadline}); this class then competes again, for as long as it is
 * open. A leader stops acting within {@code renewDeadline}, before the lease ({@code leaseDuration})
 * can pass to another pod, so two allocators never act together while the clocks agree.
 */
public final class AllocatorLeadership implements AutoCloseable {
    public static final String LEASE = "podbgp-lb-allocator";
    private static final EventLog LOG = EventLog.named(AllocatorLeadership.class.getName());

    /** The defaults are those of Kubernetes' own controllers (15s, 10s, 2s). */
    public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

        public Timing {
            if (renewDeadline.compareTo(leaseDuration) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0) {
                throw new IllegalArgumentException("need retryPeriod < renewDeadline < leaseDuration, not " + retryPeriod
                        + ", " + renewDeadline + ", " + leaseDuration);
            }
        }
    }

    /** Told on the elector's thread; both must return quickly. */
    public interface Listener {
        void startedLeading();

        void stoppedLeading();
    }

    private final KubernetesClient client;
    private final String namespace;
    private final String identity;
    private final Timing timing;
    private final Listener listener;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("podbgp-lb-election").daemon().factory());
    private CompletableFuture<?> running;
    private boolean closed;

    public AllocatorLeadership(KubernetesClient client, String namespace, String identity, Timing timing, Listener listener) {
        this.client = client;
        this.namespace = namespace;
        this.identity = identity;
        this.timing = timing;
        this.listener = listener;
    }

    public String identity() {
        return identity;
    }

    public synchronized void start() {
        if (closed) {
            return;
        }
        var config = new LeaderElectionConfigBuilder().withName(LEASE)
                .withLeaseDuration(timing.leaseDuration()).withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withLock(new LeaseLock(namespace, LEASE, identity))
                .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped, this::newLeader))
                .withReleaseOnCancel(true)
                .build();
        running = client.leaderElector().withConfig(config).build().start();
        running.whenComplete((ok, failed) -> ended(failed));
    }

    private void started() {
        LOG.info("allocator-leading").with("identity", identity).log();
        listener.startedLeading();
    }

    private void stopped() {
        LOG.info("allocator-not-leading").with("identity", identity).log();
        listener.stoppedLeading();
    }

    private void newLeader(String leader) {
        LOG.info("allocator-leader").with("leader", leader).with("identity", identity).log();
    }

    private synchronized void ended(Throwable failed) {
        if (closed) {
            return;
        }
        Throwable cause = failed instanceof CompletionException c && c.getCause() != null ? c.getCause() : failed;
        LOG.warn("allocator-election-ended").with("identity", identity)
                .with("error", cause == null ? "leadership lost" : String.valueOf(cause.getMessage())).log();
        restarts.schedule(this::start, timing.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives the lease up (the next pod takes over after one retry period, not a whole lease duration). */
    @Override
    public synchronized void close() {
        closed = true;
        if (running != null) {
            running.cancel(true);
        }
        restarts.shutdownNow();
    }
}
