package dev.podbgp.k8s.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.k8s.MockCluster;
import dev.podbgp.k8s.crd.BGPConfiguration;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One informer per kind for every watcher of a pod, against fabric8's CRUD mock API server. */
class ClusterWatchesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void twoWatchersOfAKindShareOneInformerAndBothHearEveryChange() {
        try (MockCluster cluster = new MockCluster();
             ClusterWatches watches = new ClusterWatches(cluster.client(), Duration.ofMinutes(5))) {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            SharedIndexInformer<Service> a = watches.watch(Service.class, first::incrementAndGet);
            MockCluster.await(WAIT, "the first list", a::hasSynced);
            MockCluster.await(WAIT, "the first watcher's pass after the list", () -> first.get() >= 1);
            // A late watcher of a listed kind gets the same informer and its first pass at once.
            SharedIndexInformer<Service> b = watches.watch(Service.class, second::incrementAndGet);
            assertThat(b).isSameAs(a);
            assertThat(second.get()).isEqualTo(1);

            int before = first.get();
            cluster.client().services().inNamespace("shop")
                    .resource(MockCluster.service("shop", "web", "podbgp.dev/bgp", List.of("192.0.2.1"), "Cluster")).create();
            MockCluster.await(WAIT, "both watchers told of the new Service", () -> first.get() > before && second.get() > 1);
            assertThat(a.getStore().list()).extracting(s -> s.getMetadata().getName()).containsExactly("web");
            // Another kind is another informer.
            assertThat((Object) watches.watch(BGPConfiguration.class, () -> { })).isNotSameAs(a);
        }
    }

    @Test
    void anUnwatchedListenerHearsNothingMoreWhileTheOtherKeepsTheInformer() {
        try (MockCluster cluster = new MockCluster();
             ClusterWatches watches = new ClusterWatches(cluster.client(), Duration.ofMinutes(5))) {
            AtomicInteger gone = new AtomicInteger();
            AtomicInteger staying = new AtomicInteger();
            Runnable goneListener = gone::incrementAndGet;
            SharedIndexInformer<Service> informer = watches.watch(Service.class, goneListener);
            watches.watch(Service.class, staying::incrementAndGet);
            MockCluster.await(WAIT, "the first list", informer::hasSynced);
            MockCluster.await(WAIT, "both passes after the list", () -> gone.get() >= 1 && staying.get() >= 1);
            watches.unwatch(goneListener);
            int goneBefore = gone.get();
            int stayingBefore = staying.get();
            cluster.client().services().inNamespace("shop")
                    .resource(MockCluster.service("shop", "web", "podbgp.dev/bgp", List.of(), "Cluster")).create();
            MockCluster.await(WAIT, "the remaining watcher told", () -> staying.get() > stayingBefore);
            assertThat(gone.get()).isEqualTo(goneBefore);
            assertThat(informer.isRunning()).isTrue();
        }
    }

    @Test
    void closingStopsEveryInformerAndRefusesNewWatchers() {
        try (MockCluster cluster = new MockCluster()) {
            ClusterWatches watches = new ClusterWatches(cluster.client(), Duration.ofMinutes(5));
            SharedIndexInformer<Service> informer = watches.watch(Service.class, () -> { });
            MockCluster.await(WAIT, "the first list", informer::hasSynced);
            watches.close();
            assertThat(informer.isRunning()).isFalse();
            assertThatThrownBy(() -> watches.watch(Service.class, () -> { })).isInstanceOf(IllegalStateException.class);
        }
    }
}
