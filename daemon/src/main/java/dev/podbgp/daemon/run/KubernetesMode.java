package dev.podbgp.daemon.run;

import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.ProcessSpec;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.daemon.control.ControlException;
import dev.podbgp.daemon.control.NeighborView;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.k8s.ipam.AllocatorOptions;
import dev.podbgp.k8s.ipam.LoadBalancerAllocator;
import dev.podbgp.k8s.mapping.BaseSettings;
import dev.podbgp.k8s.report.NodeStatusSnapshot;
import dev.podbgp.k8s.report.SessionSnapshot;
import dev.podbgp.k8s.report.StatusPublisher;
import dev.podbgp.k8s.source.ClusterWatches;
import dev.podbgp.k8s.source.KubernetesStateSource;
import dev.podbgp.k8s.source.SourceOptions;
import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code podbgp run --kubernetes}: the desired state comes from the cluster (the local Node's
 * podCIDRs, the other Nodes as mesh peers, BGPPeer and BGPConfiguration objects) over the base
 * settings of the config file; status goes back to the cluster. The daemon starts once the
 * cluster has been read completely, then follows it; an API server outage keeps the last state.
 * Every pod also competes to be the one that allocates LoadBalancer Service addresses
 * (docs/load-balancer-ips.md).
 */
public final class KubernetesMode implements AutoCloseable {

    private static final EventLog LOG = EventLog.named("podbgp.kubernetes");
    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final ClusterWatches watches;
    private final KubernetesStateSource source;
    private final StatusPublisher status;
    private final LoadBalancerAllocator loadBalancerIps;
    private final ScheduledExecutorService reporter;
    private final Object lock = new Object();
    private PodbgpDaemon daemon;
    private DesiredState waiting;
    private boolean routesReported;
    private boolean stopped;

    private KubernetesMode(KubernetesClient client, String nodeName, String namespace, BaseSettings base,
            List<ProcessSpec> processes) {
        this.client = client;
        // Helper processes are the node's own, from the base file: the cluster's objects do not describe them.
        SourceOptions options = SourceOptions.defaults(nodeName, namespace, base);
        // One informer per kind for the whole pod: the source and the allocator both read Services and the
        // BGPConfiguration, and each would otherwise list, watch and cache them on its own.
        this.watches = new ClusterWatches(client, options.resync());
        this.source = new KubernetesStateSource(client, watches, options, state -> onState(state.withProcesses(processes)));
        this.status = new StatusPublisher(client, nodeName, namespace, STATUS_INTERVAL);
        // Every pod competes for the allocator lease; the identity is per process, since a DaemonSet
        // update may briefly run two pods on one node.
        this.loadBalancerIps = new LoadBalancerAllocator(client, watches, AllocatorOptions.defaults(namespace,
                nodeName + "-" + UUID.randomUUID().toString().substring(0, 8)));
        this.reporter = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("podbgp-k8s-status").daemon().factory());
    }

    /**
     * Connects with the in-cluster (or KUBECONFIG) credentials, waits up to {@code firstState}
     * for the cluster's first complete state, and starts the daemon with it.
     */
    public static KubernetesMode start(ConfigLoader.LoadedBase base, String nodeName, String namespace, Duration firstState)
            throws IOException, InterruptedException {
        return start(new KubernetesClientBuilder().build(), base, nodeName, namespace, firstState);
    }

    public static KubernetesMode start(KubernetesClient client, ConfigLoader.LoadedBase base, String nodeName, String namespace,
            Duration firstState) throws IOException, InterruptedException {
        return start(client, base, nodeName, namespace, firstState, Optional.empty());
    }

    /**
     * @param networkNamespace a named network namespace the daemon manages instead of its own
     *     (lab use: several nodes in one JVM, the API server on the host's loopback)
     */
    public static KubernetesMode start(KubernetesClient client, ConfigLoader.LoadedBase base, String nodeName, String namespace,
            Duration firstState, Optional<String> networkNamespace) throws IOException, InterruptedException {
        KubernetesMode mode = new KubernetesMode(client, nodeName, namespace, BaseSettings.from(base.config()),
                base.config().processes());
        mode.source.start();
        LOG.info("waiting-for-cluster").with("node", nodeName).log();
        mode.awaitFirst(firstState);
        synchronized (mode.lock) {
            // The latest state, not the one awaitFirst saw: another may have arrived meanwhile, and
            // the source never sends an equal state twice. States arriving during the start wait
            // for the lock and are applied to the running daemon.
            DesiredState first = mode.waiting;
            mode.daemon = networkNamespace.isPresent() ? PodbgpDaemon.startIn(networkNamespace.get(), first)
                    : PodbgpDaemon.start(first);
            mode.waiting = null;
        }
        mode.reporter.scheduleWithFixedDelay(mode::report, 1, STATUS_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        mode.loadBalancerIps.start();
        return mode;
    }

    private DesiredState awaitFirst(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (waiting == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no complete state from the cluster within " + timeout
                            + ": is the API server reachable, do the CRDs exist, does the Node exist?");
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return waiting;
        }
    }

    /** On the source's thread: the first state starts the daemon, later ones are applied. */
    private void onState(DesiredState state) {
        synchronized (lock) {
            if (daemon == null) {
                waiting = state;
                lock.notifyAll();
                return;
            }
        }
        try {
            daemon.apply(state);
        } catch (ControlException e) {
            LOG.warn("cluster-state-refused").with("reason", e.getMessage()).log();
        }
    }

    public PodbgpDaemon daemon() {
        return daemon;
    }

    /** Session states for the node's status object; NetworkUnavailable=False once routes are in the kernel. */
    private void report() {
        try {
            List<SessionSnapshot> sessions = new ArrayList<>();
            for (NeighborView n : daemon.neighbors()) {
                sessions.add(new SessionSnapshot(IpAddress.parse(n.address()), n.asn(), n.state(),
                        n.accepted(), n.advertised(), n.lastError().isEmpty() ? Optional.empty() : Optional.of(n.lastError())));
            }
            status.publish(new NodeStatusSnapshot(sessions, daemon.state().originated(), Optional.empty()));
            boolean anyUp = sessions.stream().anyMatch(s -> s.state().equals(SessionSnapshot.ESTABLISHED));
            if (!routesReported && anyUp && daemon.awaitFibWritten(Duration.ofSeconds(1))) {
                status.routesProgrammed();
                routesReported = true;
            }
        } catch (RuntimeException | ControlException e) {
            LOG.warn("status-failed").with("error", e.getMessage()).log();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops everything; a second call does nothing. */
    public synchronized void stop(String communication) {
        if (stopped) {
            return;
        }
        stopped = true;
        reporter.shutdownNow();
        // First: the lease is given up at once, so another pod takes over allocation without waiting it out.
        loadBalancerIps.close();
        source.close();
        watches.close();
        if (daemon != null) {
            daemon.stop(communication);
        }
        status.close();
        client.close();
    }

    @Override
    public void close() {
        stop("podbgp stopping");
    }
}
