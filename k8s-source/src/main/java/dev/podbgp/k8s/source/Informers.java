package dev.podbgp.k8s.source;

import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/** The way podbgp's controllers use an informer: any change, and the end of its first list, trigger one pass. */
public final class Informers {
    private Informers() {
    }

    /**
     * Starts {@code informer} so that every add, update and delete, and the end of the first list,
     * call {@code changed}; a failing watch is logged and retried with the client's backoff
     * forever, also before the first list succeeds.
     */
    public static <T extends HasMetadata> SharedIndexInformer<T> startWatching(SharedIndexInformer<T> informer,
                                                                               Runnable changed, EventLog log) {
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                changed.run();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changed.run();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                changed.run();
            }
        });
        informer.exceptionHandler((started, t) -> {
            log.warn("watch-failed").with("kind", informer.getApiTypeClass().getSimpleName()).with("error", t.getMessage()).log();
            return true;
        });
        informer.start().whenComplete((ok, failed) -> changed.run());
        return informer;
    }
}
