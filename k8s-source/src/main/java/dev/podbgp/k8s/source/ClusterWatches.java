package dev.podbgp.k8s.source;

import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The informers of one client, one per kind, shared by podbgp's controllers (the state source and
 * the LoadBalancer allocator both read Services and the BGPConfiguration): each kind is listed,
 * watched and cached once in the pod, however many controllers read it. Every add, update and
 * delete of a kind, and the end of its first list, run each of that kind's listeners; a failing
 * watch is logged and retried with the client's backoff forever, also before the first list.
 * Namespaced kinds are watched in every namespace.
 */
public final class ClusterWatches implements AutoCloseable {
    private static final EventLog LOG = EventLog.named(ClusterWatches.class.getName());

    private final KubernetesClient client;
    private final long resyncMillis;
    private final Map<Class<?>, Watched<?>> byKind = new HashMap<>();
    private boolean closed;

    private record Watched<T extends HasMetadata>(SharedIndexInformer<T> informer, List<Runnable> listeners) {
    }

    public ClusterWatches(KubernetesClient client, Duration resync) {
        this.client = client;
        this.resyncMillis = resync.toMillis();
    }

    /**
     * The informer of {@code kind}, started by its first watcher; {@code changed} runs on every change
     * of the kind, and once when it has been listed (at once if it already has).
     */
    @SuppressWarnings("unchecked")
    public synchronized <T extends HasMetadata> SharedIndexInformer<T> watch(Class<T> kind, Runnable changed) {
        if (closed) {
            throw new IllegalStateException("the cluster watches are closed");
        }
        Watched<T> w = (Watched<T>) byKind.get(kind);
        if (w != null) {
            w.listeners().add(changed);
            if (w.informer().hasSynced()) {
                changed.run();
            }
            return w.informer();
        }
        SharedIndexInformer<T> informer = Namespaced.class.isAssignableFrom(kind)
                ? client.resources(kind).inAnyNamespace().runnableInformer(resyncMillis)
                : client.resources(kind).runnableInformer(resyncMillis);
        List<Runnable> listeners = new CopyOnWriteArrayList<>(List.of(changed));
        byKind.put(kind, new Watched<>(informer, listeners));
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                listeners.forEach(Runnable::run);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                listeners.forEach(Runnable::run);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                listeners.forEach(Runnable::run);
            }
        });
        informer.exceptionHandler((started, t) -> {
            LOG.warn("watch-failed").with("kind", kind.getSimpleName()).with("error", t.getMessage()).log();
            return true;
        });
        informer.start().whenComplete((ok, failed) -> listeners.forEach(Runnable::run));
        return informer;
    }

    /** {@code listeners} no longer run for any kind; the informers keep running for their other watchers. */
    public synchronized void unwatch(Runnable... listeners) {
        for (Watched<?> w : byKind.values()) {
            w.listeners().removeAll(List.of(listeners));
        }
    }

    /** Stops every informer. */
    @Override
    public synchronized void close() {
        closed = true;
        byKind.values().forEach(w -> w.informer().close());
        byKind.clear();
    }
}
