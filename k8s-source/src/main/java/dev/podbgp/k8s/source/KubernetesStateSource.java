package dev.podbgp.k8s.source;

import dev.podbgp.config.state.DesiredState;
import dev.podbgp.k8s.crd.BGPConfiguration;
import dev.podbgp.k8s.crd.BGPPeer;
import dev.podbgp.k8s.mapping.Problem;
import dev.podbgp.k8s.mapping.StateBuilder;
import dev.podbgp.k8s.report.EventRecorder;
import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the cluster (Nodes, our CRDs, Services and their EndpointSlices) and hands each distinct
 * {@link DesiredState} to a listener.
 *
 * <p>Resilience (DESIGN.md "Kubernetes API loss keeps the last known state"): nothing is emitted
 * before every informer has listed once, nor while this node's Node is unknown, so an API server
 * that is away, or comes back empty-handed, never yields a state without peers or prefixes. The
 * informers reconnect by themselves with the client's backoff; the relist after a reconnect
 * rebuilds an equal state, which is not emitted again, so sessions do not flap.
 */
public final class KubernetesStateSource implements AutoCloseable {
    private static final EventLog LOG = EventLog.named(KubernetesStateSource.class.getName());
    private static final String CRD_API = BGPConfiguration.GROUP + "/" + BGPConfiguration.VERSION;

    private final KubernetesClient client;
    private final SourceOptions options;
    private final DesiredStateListener listener;
    private final EventRecorder events;
    private final SecretCache secrets;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** A recompute after the shorter {@link SourceOptions#endpointDebounce} is scheduled. */
    private final AtomicBoolean pendingSoon = new AtomicBoolean();
    private final ClusterWatches watches;
    /** The watches were made for this source alone, and end with it. */
    private final boolean ownsWatches;
    private final Runnable onChange = this::changed;
    private final Runnable onChangeSoon = this::changedSoon;
    private SharedIndexInformer<Node> nodes;
    private SharedIndexInformer<BGPConfiguration> configurations;
    private SharedIndexInformer<BGPPeer> peers;
    private SharedIndexInformer<Service> services;
    private SharedIndexInformer<EndpointSlice> endpointSlices;
    // Confined to the source thread.
    private DesiredState last;
    private Set<Problem> reported = Set.of();
    private String lastUnavailable;

    /** A source with informers of its own. */
    public KubernetesStateSource(KubernetesClient client, SourceOptions options, DesiredStateListener listener) {
        this(client, new ClusterWatches(client, options.resync()), true, options, listener);
    }

    /** A source reading the informers in {@code watches}, which other controllers of the pod share. */
    public KubernetesStateSource(KubernetesClient client, ClusterWatches watches, SourceOptions options,
                                 DesiredStateListener listener) {
        this(client, watches, false, options, listener);
    }

    private KubernetesStateSource(KubernetesClient client, ClusterWatches watches, boolean ownsWatches,
                                  SourceOptions options, DesiredStateListener listener) {
        this.client = client;
        this.watches = watches;
        this.ownsWatches = ownsWatches;
        this.options = options;
        this.listener = listener;
        this.events = new EventRecorder(client, options.eventNamespace(), options.nodeName());
        this.secrets = new SecretCache(client, options.namespace());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "podbgp-k8s-source");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the informers and returns at once; the first state arrives once everything is listed. */
    public synchronized void start() {
        nodes = watch(Node.class, onChange);
        configurations = watch(BGPConfiguration.class, onChange);
        peers = watch(BGPPeer.class, onChange);
        services = watch(Service.class, onChangeSoon);
        endpointSlices = watch(EndpointSlice.class, onChangeSoon);
    }

    private <T extends HasMetadata> SharedIndexInformer<T> watch(Class<T> kind, Runnable changed) {
        return watches.watch(kind, changed);
    }

    /** The last state handed to the listener, if any. */
    public Optional<DesiredState> current() {
        try {
            return thread.submit(() -> Optional.ofNullable(last)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void changed() {
        if (pending.compareAndSet(false, true)) {
            thread.schedule(this::recompute, options.debounce().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A Service or EndpointSlice changed: recompute after the shorter debounce, besides any recompute already due.
     * A second recompute that finds an equal state emits nothing.
     */
    private void changedSoon() {
        if (pendingSoon.compareAndSet(false, true)) {
            thread.schedule(this::recompute, options.endpointDebounce().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void recompute() {
        pending.set(false);
        pendingSoon.set(false);
        if (!nodes.hasSynced() || !configurations.hasSynced() || !peers.hasSynced() || !services.hasSynced()
                || !endpointSlices.hasSynced()) {
            return; // the informer that is still listing calls changed() once it has
        }
        StateBuilder.Result r;
        try {
            Optional<BGPConfiguration> cfg = configurations.getStore().list().stream()
                    .filter(c -> BGPConfiguration.NAME.equals(c.getMetadata().getName())).findFirst();
            r = StateBuilder.build(options.base(), options.nodeName(), nodes.getStore().list(), cfg,
                    peers.getStore().list(), secrets, services.getStore().list(), endpointSlices.getStore().list());
        } catch (KubernetesClientException e) {
            // A Secret could not be read: the API server is away. Keep the last state, try again later.
            LOG.warn("cluster-unreachable").with("error", e.getMessage()).log();
            if (pending.compareAndSet(false, true)) {
                thread.schedule(this::recompute, Math.max(1000, options.debounce().toMillis() * 4), TimeUnit.MILLISECONDS);
            }
            return;
        }
        report(r.problems());
        if (r.state().isEmpty()) {
            String why = r.unavailable().orElse("no state");
            if (!why.equals(lastUnavailable)) {
                LOG.warn("state-unavailable").with("reason", why).log();
                lastUnavailable = why;
            }
            return;
        }
        lastUnavailable = null;
        DesiredState s = r.state().get();
        if (s.equals(last)) {
            return;
        }
        last = s;
        try {
            listener.onDesiredState(s);
        } catch (RuntimeException e) {
            LOG.error("state-listener-failed").thrown(e).log();
        }
    }

    /** Each problem once while it lasts: a resync every few minutes must not repeat the Event. */
    private void report(List<Problem> problems) {
        Set<Problem> now = new HashSet<>(problems);
        for (Problem p : problems) {
            if (!reported.contains(p)) {
                LOG.warn("object-ignored").with("kind", p.kind()).with("name", p.name()).with("field", p.field())
                        .with("reason", p.message()).log();
                String message = p.field() + ": " + p.message();
                if (p.kind().equals("Service")) {
                    // Named namespace/name; its Event lives beside it, where kubectl describe finds it.
                    String[] at = p.name().split("/", 2);
                    events.recordNamespaced(at[0], "v1", p.kind(), at[1], EventRecorder.Type.Warning, "InvalidField", message);
                } else {
                    events.record(p.kind().equals("Node") ? "v1" : CRD_API, p.kind(), p.name(), EventRecorder.Type.Warning,
                            "InvalidField", message);
                }
            }
        }
        reported = now;
    }

    @Override
    public synchronized void close() {
        watches.unwatch(onChange, onChangeSoon);
        if (ownsWatches) {
            watches.close();
        }
        thread.shutdownNow();
    }
}
