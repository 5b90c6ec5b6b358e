package dev.podbgp.k8s.ipam;

import static dev.podbgp.k8s.MockCluster.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.k8s.MockCluster;
import dev.podbgp.k8s.crd.BGPConfiguration;
import dev.podbgp.k8s.crd.BGPConfigurationSpec;
import dev.podbgp.k8s.crd.LoadBalancerAllocation;
import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.crd.ServiceIPPoolSpec;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controller against fabric8's CRUD mock API server, leases included. */
class LoadBalancerAllocatorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AllocatorLeadership.Timing FAST_LEASE = new AllocatorLeadership.Timing(
            Duration.ofMillis(4000), Duration.ofMillis(3000), Duration.ofMillis(200));

    private MockCluster cluster;
    private KubernetesClient admin;
    private final List<LoadBalancerAllocator> allocators = new ArrayList<>();

    @BeforeEach
    void setUp() {
        cluster = new MockCluster();
        admin = cluster.client();
    }

    @AfterEach
    void tearDown() {
        allocators.forEach(LoadBalancerAllocator::close);
        cluster.close();
    }

    private LoadBalancerAllocator allocator(String identity) {
        var a = new LoadBalancerAllocator(cluster.client(), new AllocatorOptions("podbgp", "default", identity,
                Duration.ofMillis(50), Duration.ofMinutes(5), FAST_LEASE));
        allocators.add(a);
        a.start();
        return a;
    }

    private LoadBalancerAllocator leading(String identity) {
        LoadBalancerAllocator a = allocator(identity);
        await(WAIT, identity + " leading", a::leading);
        return a;
    }

    private void pool(String name, List<String> cidrs, List<String> ranges) {
        ServiceIPPool p = new ServiceIPPool();
        p.setMetadata(new ObjectMetaBuilder().withName(name).build());
        ServiceIPPoolSpec spec = new ServiceIPPoolSpec();
        spec.cidrs = cidrs;
        spec.ranges = ranges;
        p.setSpec(spec);
        admin.resources(ServiceIPPool.class).resource(p).create();
    }

    /** As {@code kubectl edit}: the controller writes statuses meanwhile, so a conflict is retried. */
    private static void retryingConflicts(Runnable edit) {
        for (int attempt = 0; ; attempt++) {
            try {
                edit.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private void editPool(String name, Consumer<ServiceIPPoolSpec> change) {
        retryingConflicts(() -> admin.resources(ServiceIPPool.class).withName(name).edit(p -> {
            change.accept(p.getSpec());
            return p;
        }));
    }

    private Service service(String namespace, String name, String loadBalancerClass, Map<String, String> annotations) {
        Service s = new ServiceBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withAnnotations(annotations).endMetadata()
                .withNewSpec().withType("LoadBalancer").withLoadBalancerClass(loadBalancerClass)
                .withIpFamilies("IPv4").withIpFamilyPolicy("SingleStack")
                .addNewPort().withPort(80).endPort().endSpec().build();
        return admin.services().inNamespace(namespace).resource(s).create();
    }

    private Service ours(String namespace, String name) {
        return service(namespace, name, AllocationSettings.DEFAULT_CLASS, Map.of());
    }

    private List<String> ingress(String namespace, String name) {
        Service s = admin.services().inNamespace(namespace).withName(name).get();
        return s == null ? List.of() : ServiceRequests.ingress(s).stream().map(Object::toString).toList();
    }

    private String awaitAddress(String namespace, String name) {
        await(WAIT, namespace + "/" + name + " gets an address", () -> !ingress(namespace, name).isEmpty());
        return ingress(namespace, name).getFirst();
    }

    private List<Event> events(String namespace, String name, String reason) {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())).toList();
    }

    private Optional<Condition> condition(String pool, String type) {
        ServiceIPPool p = admin.resources(ServiceIPPool.class).withName(pool).get();
        if (p.getStatus() == null || p.getStatus().conditions == null) {
            return Optional.empty();
        }
        return p.getStatus().conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    @Test
    void servicesOfOurClassGetDistinctAddressesAndDeletionReleasesThem() throws Exception {
        pool("blue", List.of("192.0.2.0/30"), List.of());
        leading("pod-a");
        ours("apps", "web");
        assertThat(awaitAddress("apps", "web")).isEqualTo("192.0.2.0");
        ours("shop", "api");
        assertThat(awaitAddress("shop", "api")).isEqualTo("192.0.2.1");
        service("apps", "other-class", "example.com/lb", Map.of());
        service("apps", "no-class", null, Map.of());
        await(WAIT, "the pool counts two", () -> {
            ServiceIPPool p = admin.resources(ServiceIPPool.class).withName("blue").get();
            return p.getStatus() != null && Long.valueOf(2).equals(p.getStatus().allocatedIPv4)
                    && Long.valueOf(2).equals(p.getStatus().availableIPv4);
        });
        assertThat(ingress("apps", "other-class")).isEmpty();
        assertThat(ingress("apps", "no-class")).isEmpty();
        await(WAIT, "an IPAllocated event", () -> !events("apps", "web", "IPAllocated").isEmpty());

        admin.services().inNamespace("apps").withName("web").delete();
        await(WAIT, "web's address counted free", () -> Long.valueOf(1).equals(
                admin.resources(ServiceIPPool.class).withName("blue").get().getStatus().allocatedIPv4));
        ours("apps", "next");
        assertThat(awaitAddress("apps", "next")).isEqualTo("192.0.2.0");
    }

    @Test
    void classlessServicesAreServedOnlyWhenConfiguredAndAClassChangeReleases() {
        pool("blue", List.of(), List.of("192.0.2.10-192.0.2.11"));
        BGPConfiguration cfg = new BGPConfiguration();
        cfg.setMetadata(new ObjectMetaBuilder().withName(BGPConfiguration.NAME).build());
        cfg.setSpec(new BGPConfigurationSpec());
        cfg.getSpec().loadBalancerAllocation = new LoadBalancerAllocation();
        cfg.getSpec().loadBalancerAllocation.allocateWithoutClass = true;
        cfg.getSpec().loadBalancerAllocation.loadBalancerClass = "example.com/ours";
        admin.resources(BGPConfiguration.class).resource(cfg).create();
        leading("pod-a");
        service("apps", "no-class", null, Map.of());
        service("apps", "named", "example.com/ours", Map.of());
        assertThat(List.of(awaitAddress("apps", "no-class"), awaitAddress("apps", "named")))
                .containsExactlyInAnyOrder("192.0.2.10", "192.0.2.11");
        String held = ingress("apps", "named").getFirst();
        retryingConflicts(() -> admin.services().inNamespace("apps").withName("named")
                .edit(s -> new ServiceBuilder(s).editSpec().withLoadBalancerClass("example.com/other").endSpec().build()));
        await(WAIT, "the status cleared", () -> ingress("apps", "named").isEmpty());
        ours("apps", "default-class"); // podbgp.dev/bgp is not the configured class any more
        service("apps", "later", "example.com/ours", Map.of());
        assertThat(awaitAddress("apps", "later")).isEqualTo(held);
        assertThat(ingress("apps", "default-class")).isEmpty();
    }

    @Test
    void requestedAddressesAreHonouredAndConflictsReported() {
        pool("blue", List.of("192.0.2.0/29"), List.of());
        leading("pod-a");
        service("apps", "first", AllocationSettings.DEFAULT_CLASS, Map.of(ServiceRequests.LOAD_BALANCER_IPS, "192.0.2.5"));
        assertThat(awaitAddress("apps", "first")).isEqualTo("192.0.2.5");
        service("apps", "second", AllocationSettings.DEFAULT_CLASS, Map.of(ServiceRequests.LOAD_BALANCER_IPS, "192.0.2.5"));
        service("apps", "outside", AllocationSettings.DEFAULT_CLASS, Map.of(ServiceRequests.LOAD_BALANCER_IPS, "203.0.113.7"));
        service("apps", "garbled", AllocationSettings.DEFAULT_CLASS, Map.of(ServiceRequests.LOAD_BALANCER_IPS, "192.0.2.999"));
        await(WAIT, "an AddressInUse event", () -> !events("apps", "second", "AddressInUse").isEmpty());
        await(WAIT, "an AddressOutsidePools event", () -> !events("apps", "outside", "AddressOutsidePools").isEmpty());
        await(WAIT, "an InvalidRequest event", () -> !events("apps", "garbled", "InvalidRequest").isEmpty());
        assertThat(events("apps", "second", "AddressInUse").getFirst().getMessage()).contains("apps/first");
        await(WAIT, "the pool shows the conflict", () -> condition("blue", "Conflict").map(c -> c.getStatus().equals("True")).orElse(false));
        assertThat(condition("blue", "Conflict").get().getMessage()).contains("apps/second");
        assertThat(ingress("apps", "second")).isEmpty();
        assertThat(ingress("apps", "outside")).isEmpty();
        assertThat(ingress("apps", "garbled")).isEmpty();
    }

    @Test
    void servicesWithTheSameSharingKeyShareAnAddressOnDifferentPorts() {
        pool("blue", List.of("192.0.2.0/30"), List.of());
        leading("pod-a");
        Map<String, String> shared = Map.of(ServiceRequests.ALLOW_SHARED_IP, "web");
        service("apps", "http", AllocationSettings.DEFAULT_CLASS, shared); // port 80
        String address = awaitAddress("apps", "http");
        Service https = new ServiceBuilder().withNewMetadata().withNamespace("apps").withName("https")
                .withAnnotations(shared).endMetadata()
                .withNewSpec().withType("LoadBalancer").withLoadBalancerClass(AllocationSettings.DEFAULT_CLASS)
                .addNewPort().withPort(443).endPort().endSpec().build();
        admin.services().inNamespace("apps").resource(https).create();
        assertThat(awaitAddress("apps", "https")).isEqualTo(address);
        service("apps", "http-again", AllocationSettings.DEFAULT_CLASS, shared); // port 80 again
        assertThat(awaitAddress("apps", "http-again")).isNotEqualTo(address);
    }

    @Test
    void exhaustionIsAnEventOnTheServiceAndAConditionOnThePool() {
        pool("tiny", List.of("192.0.2.7/32"), List.of());
        leading("pod-a");
        ours("apps", "one");
        awaitAddress("apps", "one");
        ours("apps", "two");
        await(WAIT, "a PoolExhausted event", () -> !events("apps", "two", "PoolExhausted").isEmpty());
        // Exhausted already once "one" took the last address; then apps/two is named as waiting.
        await(WAIT, "Exhausted=True naming apps/two", () -> condition("tiny", "Exhausted")
                .map(c -> c.getStatus().equals("True") && c.getMessage().contains("apps/two")).orElse(false));
        assertThat(condition("tiny", "Valid").get().getStatus()).isEqualTo("True");
        await(WAIT, "a ServicesWaiting event on the pool", () -> admin.v1().events().inNamespace("default").list().getItems()
                .stream().anyMatch(e -> e.getReason().equals("ServicesWaiting") && e.getInvolvedObject().getName().equals("tiny")));
        // Growing the pool serves the waiting Service.
        editPool("tiny", spec -> spec.cidrs = List.of("192.0.2.6/31"));
        assertThat(awaitAddress("apps", "two")).isEqualTo("192.0.2.6");
        assertThat(ingress("apps", "one")).containsExactly("192.0.2.7");
    }

    @Test
    void aDualStackServiceGetsOneAddressPerFamily() {
        pool("both", List.of("192.0.2.0/30", "2001:db8:5::/126"), List.of());
        leading("pod-a");
        Service s = new ServiceBuilder().withNewMetadata().withNamespace("apps").withName("dual").endMetadata()
                .withNewSpec().withType("LoadBalancer").withLoadBalancerClass(AllocationSettings.DEFAULT_CLASS)
                .withIpFamilies("IPv6", "IPv4").withIpFamilyPolicy("RequireDualStack")
                .addNewPort().withPort(80).endPort().endSpec().build();
        admin.services().inNamespace("apps").resource(s).create();
        await(WAIT, "two addresses", () -> ingress("apps", "dual").size() == 2);
        assertThat(ingress("apps", "dual")).containsExactly("2001:db8:5::", "192.0.2.0");
    }

    @Test
    void aShrunkPoolLeavesTheServiceItsAddressAndWarns() {
        pool("blue", List.of("192.0.2.0/31"), List.of());
        leading("pod-a");
        ours("apps", "kept");
        assertThat(awaitAddress("apps", "kept")).isEqualTo("192.0.2.0");
        editPool("blue", spec -> spec.cidrs = List.of("192.0.2.1/32"));
        await(WAIT, "an AddressNoLongerInPool event", () -> !events("apps", "kept", "AddressNoLongerInPool").isEmpty());
        ours("apps", "new");
        assertThat(awaitAddress("apps", "new")).isEqualTo("192.0.2.1");
        assertThat(ingress("apps", "kept")).containsExactly("192.0.2.0");
    }

    @Test
    void poolSelectorsDecideWhichServicesMayUseAPool() {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("prod")
                .withLabels(Map.of("env", "prod")).endMetadata().build()).create();
        ServiceIPPool p = new ServiceIPPool();
        p.setMetadata(new ObjectMetaBuilder().withName("prod-only").build());
        p.setSpec(new ServiceIPPoolSpec());
        p.getSpec().cidrs = List.of("198.51.100.0/32");
        p.getSpec().namespaceSelector = new LabelSelectorBuilder().withMatchLabels(Map.of("env", "prod")).build();
        admin.resources(ServiceIPPool.class).resource(p).create();
        pool("general", List.of("192.0.2.0/32"), List.of());
        leading("pod-a");
        ours("dev", "web");
        ours("prod", "web");
        assertThat(awaitAddress("dev", "web")).isEqualTo("192.0.2.0");
        assertThat(awaitAddress("prod", "web")).isEqualTo("198.51.100.0");
    }

    @Test
    void aNewAllocatorRebuildsFromTheStatusesAndGivesNothingOutTwice() {
        pool("blue", List.of("192.0.2.0/29"), List.of());
        LoadBalancerAllocator first = leading("pod-a");
        ours("apps", "a");
        ours("apps", "b");
        String a = awaitAddress("apps", "a");
        String b = awaitAddress("apps", "b");
        first.close();
        // A fresh process: it knows only what the statuses say.
        leading("pod-b");
        ours("apps", "c");
        String c = awaitAddress("apps", "c");
        assertThat(c).isNotIn(a, b);
        assertThat(ingress("apps", "a")).containsExactly(a);
        assertThat(ingress("apps", "b")).containsExactly(b);
    }

    @Test
    void aLeaderThatCannotRenewStopsActingAndCompetesAgainWhenTheApiServerIsBack() {
        pool("blue", List.of("192.0.2.0/29"), List.of());
        LoadBalancerAllocator a = leading("pod-a");
        ours("apps", "before");
        String before = awaitAddress("apps", "before");
        cluster.stop();
        await(WAIT, "pod-a gives up after the renew deadline", () -> !a.leading());
        cluster.restart();
        await(WAIT, "pod-a leads again", a::leading);
        ours("apps", "after");
        assertThat(awaitAddress("apps", "after")).isNotEqualTo(before);
        assertThat(ingress("apps", "before")).containsExactly(before);
    }

    @Test
    void twoAllocatorsShareOneLeaseAndTheSecondTakesOverWhenTheFirstStops() {
        pool("blue", List.of("192.0.2.0/28"), List.of());
        LoadBalancerAllocator x = allocator("pod-x");
        LoadBalancerAllocator y = allocator("pod-y");
        // Watches the whole test, handover included, for a moment with two leaders.
        AtomicBoolean overlap = new AtomicBoolean();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            if (x.leading() && y.leading()) {
                overlap.set(true);
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            twoAllocators(x, y);
        } finally {
            sampler.shutdownNow();
        }
        assertThat(overlap).as("never two leaders at once").isFalse();
    }

    private void twoAllocators(LoadBalancerAllocator x, LoadBalancerAllocator y) {
        await(WAIT, "one leader", () -> x.leading() || y.leading());
        for (int i = 0; i < 6; i++) {
            ours("apps", "svc-" + i);
        }
        List<String> given = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            given.add(awaitAddress("apps", "svc-" + i));
        }
        assertThat(new HashSet<>(given)).hasSize(6);
        LoadBalancerAllocator leader = x.leading() ? x : y;
        LoadBalancerAllocator follower = leader == x ? y : x;
        assertThat(follower.statusWrites()).as("the follower wrote nothing").isZero();
        Lease lease = admin.leases().inNamespace("podbgp").withName(AllocatorLeadership.LEASE).get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leader == x ? "pod-x" : "pod-y");

        leader.close();
        await(WAIT, "the follower takes over", follower::leading);
        for (int i = 6; i < 9; i++) {
            ours("apps", "svc-" + i);
            given.add(awaitAddress("apps", "svc-" + i));
        }
        assertThat(new HashSet<>(given)).hasSize(9);
        for (int i = 0; i < 6; i++) {
            assertThat(ingress("apps", "svc-" + i)).containsExactly(given.get(i));
        }
    }
}
