package dev.podbgp.k8s.deploy;

import static dev.podbgp.k8s.MockCluster.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.Secret;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.k8s.crd.BGPConfiguration;
import dev.podbgp.k8s.crd.BGPPeer;
import dev.podbgp.k8s.crd.ServiceIPPool;
import dev.podbgp.k8s.ipam.AllocationSettings;
import dev.podbgp.k8s.ipam.Allocator;
import dev.podbgp.k8s.ipam.PoolMapper;
import dev.podbgp.k8s.ipam.ServiceRequests;
import dev.podbgp.k8s.mapping.Annotations;
import dev.podbgp.k8s.mapping.BaseSettings;
import dev.podbgp.k8s.mapping.StateBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The manifests in deploy/ say what docs/kubernetes.md promises, and the examples build the states they describe. */
class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static List<HasMetadata> load(String file) throws Exception {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : Files.readString(DEPLOY.resolve(file)).split("(?m)^---$")) {
            if (!doc.strip().isEmpty() && doc.contains("kind:")) {
                // Our kinds are not registered with the generic deserializer: read them as their types.
                HasMetadata generic = SERIALIZATION.unmarshal(doc);
                out.add(switch (generic.getKind()) {
                    case "BGPPeer" -> Serialization.unmarshal(doc, BGPPeer.class);
                    case "BGPConfiguration" -> Serialization.unmarshal(doc, BGPConfiguration.class);
                    case "ServiceIPPool" -> Serialization.unmarshal(doc, ServiceIPPool.class);
                    default -> generic;
                });
            }
        }
        return out;
    }

    private static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static DesiredState build(List<HasMetadata> objects, String local, List<Node> nodes) {
        Map<String, String> secrets = new java.util.HashMap<>();
        of(objects, io.fabric8.kubernetes.api.model.Secret.class).forEach(s -> {
            if (s.getStringData() != null) {
                s.getStringData().forEach((k, v) -> secrets.put(s.getMetadata().getName() + "/" + k, v));
            }
            if (s.getData() != null) {
                s.getData().forEach((k, v) -> secrets.put(s.getMetadata().getName() + "/" + k,
                        new String(Base64.getDecoder().decode(v))));
            }
        });
        StateBuilder.Result r = StateBuilder.build(BaseSettings.DEFAULTS, local, nodes,
                of(objects, BGPConfiguration.class).stream().findFirst(), of(objects, BGPPeer.class),
                (name, key) -> Optional.ofNullable(secrets.get(name + "/" + key)));
        assertThat(r.problems()).isEmpty();
        return r.state().orElseThrow();
    }

    @Test
    void daemonSetHasOnlyTheCapabilitiesAndPlacementItNeeds() throws Exception {
        DaemonSet ds = of(load("daemonset.yaml"), DaemonSet.class).getFirst();
        var pod = ds.getSpec().getTemplate().getSpec();
        assertThat(pod.getHostNetwork()).isTrue();
        assertThat(pod.getPriorityClassName()).isEqualTo("system-node-critical");
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
            assertThat(t.getOperator()).isEqualTo("Exists");
            assertThat(t.getKey()).isNull();
        });
        var c = pod.getContainers().getFirst();
        assertThat(c.getSecurityContext().getCapabilities().getAdd())
                .containsExactlyInAnyOrder("NET_ADMIN", "NET_RAW", "NET_BIND_SERVICE");
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getPrivileged()).isFalse();
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("NODE_NAME");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
        });
        assertThat(c.getReadinessProbe().getExec().getCommand()).containsExactly("podbgp", "show", "neighbors");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getHostPath() != null).extracting(v -> v.getHostPath().getPath())
                .containsExactlyInAnyOrder("/etc/cni/net.d", "/opt/cni/bin", "/run/podbgp");
    }

    @Test
    void baseConfigMapMakesAPodRestartHitless() throws Exception {
        ConfigMap cm = of(load("configmap.yaml"), ConfigMap.class).getFirst();
        Path file = Files.createTempFile("podbgp-base", ".yaml");
        try {
            Files.writeString(file, cm.getData().get("podbgp.yaml"));
            BaseSettings base = BaseSettings.from(ConfigLoader.loadBase(file).config());
            assertThat(base.fib().keepOnExit()).as("SIGTERM leaves the routes for the next pod").isTrue();
            assertThat(base.gracefulRestart().enabled()).as("peers keep our routes meanwhile").isTrue();
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void secretsAreReadableOnlyInPodbgpsNamespaceAndOnlyWithGet() throws Exception {
        List<HasMetadata> rbac = load("rbac.yaml");
        ClusterRole cr = of(rbac, ClusterRole.class).getFirst();
        assertThat(cr.getRules()).noneSatisfy(r -> assertThat(r.getResources()).contains("secrets"));
        assertThat(cr.getRules()).noneSatisfy(r -> assertThat(r.getVerbs()).contains("*"));
        assertThat(cr.getRules()).anySatisfy(r -> {
            assertThat(r.getResources()).containsExactly("nodes/status");
            assertThat(r.getVerbs()).containsExactly("patch");
        });
        Role role = of(rbac, Role.class).getFirst();
        assertThat(role.getMetadata().getNamespace()).isEqualTo("podbgp");
        assertThat(role.getRules()).singleElement().satisfies(r -> {
            assertThat(r.getResources()).containsExactly("secrets");
            assertThat(r.getVerbs()).containsExactly("get");
        });
    }

    @Test
    void theAllocatorMayWriteServiceStatusesAndHoldItsLeaseOnlyInPodbgpsNamespace() throws Exception {
        List<HasMetadata> rbac = load("rbac.yaml");
        ClusterRole cr = of(rbac, ClusterRole.class).getFirst();
        assertThat(cr.getRules()).anySatisfy(r -> {
            assertThat(r.getResources()).containsExactly("services/status");
            assertThat(r.getVerbs()).containsExactlyInAnyOrder("update", "patch");
        });
        assertThat(cr.getRules()).noneSatisfy(r -> assertThat(r.getResources()).contains("leases"));
        assertThat(cr.getRules()).noneSatisfy(r -> {
            assertThat(r.getResources()).contains("services");
            assertThat(r.getVerbs()).containsAnyOf("update", "patch", "delete");
        });
        Role lease = of(rbac, Role.class).stream().filter(r -> r.getMetadata().getName().equals("podbgp-allocator-lease"))
                .findFirst().orElseThrow();
        assertThat(lease.getMetadata().getNamespace()).isEqualTo("podbgp");
        assertThat(lease.getRules()).singleElement().satisfies(r -> {
            assertThat(r.getApiGroups()).containsExactly("coordination.k8s.io");
            assertThat(r.getResources()).containsExactly("leases");
        });
    }

    @Test
    void loadBalancerPoolsExampleGivesThePublicServiceOneAddressPerFamily() throws Exception {
        List<HasMetadata> example = load("examples/load-balancer-pools.yaml");
        List<PoolMapper.Mapped> pools = of(example, ServiceIPPool.class).stream().map(PoolMapper::map).toList();
        assertThat(pools).allSatisfy(m -> assertThat(m.problems()).isEmpty());
        Service web = of(example, Service.class).getFirst();
        var read = ServiceRequests.read(web, AllocationSettings.DEFAULTS,
                Map.of("kubernetes.io/metadata.name", "shop"));
        assertThat(read).isInstanceOf(ServiceRequests.Served.class);
        Allocator allocator = new Allocator(pools.stream().map(PoolMapper.Mapped::pool).toList());
        // avoidBuggyIPs: 192.0.2.0 is skipped.
        assertThat(allocator.assign(((ServiceRequests.Served) read).request()).addresses()).extracting(Object::toString)
                .containsExactly("192.0.2.1", "2001:db8:100::");
        // An unlabelled Service of another namespace gets a private address.
        var internal = new ServiceBuilder(web).editMetadata().withName("db").withNamespace("data")
                .withLabels(Map.of()).endMetadata().editSpec().withIpFamilyPolicy("SingleStack").endSpec().build();
        var internalRead = (ServiceRequests.Served) ServiceRequests.read(internal, AllocationSettings.DEFAULTS,
                Map.of("kubernetes.io/metadata.name", "data"));
        assertThat(allocator.assign(internalRead.request()).addresses()).extracting(Object::toString)
                .containsExactly("10.96.200.10");
    }

    @Test
    void metallbMigrationExampleKeepsMetallbsAddressAndAnnouncesItWithTheAdvertisementsCommunity() throws Exception {
        List<HasMetadata> example = load("examples/migrate-from-metallb.yaml");
        List<PoolMapper.Mapped> pools = of(example, ServiceIPPool.class).stream().map(PoolMapper::map).toList();
        assertThat(pools).allSatisfy(m -> assertThat(m.problems()).isEmpty());
        Optional<BGPConfiguration> configuration = of(example, BGPConfiguration.class).stream().findFirst();
        AllocationSettings settings = AllocationSettings.from(configuration);
        Service web = of(example, Service.class).getFirst();
        Map<String, String> shop = Map.of("kubernetes.io/metadata.name", "shop");
        assertThat(ServiceRequests.read(web, settings, shop)).as("a class-less Service is podbgp's")
                .isInstanceOf(ServiceRequests.Served.class);
        // The allocator's rebuild keeps the address MetalLB wrote; the next Service gets the first free one.
        Allocator allocator = new Allocator(pools.stream().map(PoolMapper.Mapped::pool).toList());
        allocator.claim("shop/web", ServiceRequests.sharing(web), ServiceRequests.ingress(web));
        assertThat(allocator.addressesOf("shop/web")).extracting(Object::toString).containsExactly("198.51.100.5");
        var next = new ServiceBuilder(web).editMetadata().withName("api").endMetadata().withStatus(null).build();
        var nextRead = (ServiceRequests.Served) ServiceRequests.read(next, settings, shop);
        assertThat(allocator.assign(nextRead.request()).addresses()).extracting(Object::toString)
                .as("avoidBuggyIPs skips .0").containsExactly("198.51.100.1");
        // Every node announces it (traffic policy Cluster) with the BGPAdvertisement's community.
        List<Node> nodes = List.of(node("w1", List.of("10.244.1.0/24"), List.of("192.0.2.11"), Map.of(), Map.of()));
        StateBuilder.Result r = StateBuilder.build(BaseSettings.DEFAULTS, "w1", nodes, configuration,
                of(example, BGPPeer.class), (name, key) -> Optional.empty(), List.of(web), List.of());
        assertThat(r.problems()).isEmpty();
        assertThat(r.state().orElseThrow().serviceRoutes()).singleElement().satisfies(route -> {
            assertThat(route.prefix()).hasToString("198.51.100.5/32");
            assertThat(route.communities()).extracting(Object::toString).containsExactly("65000:300");
        });
    }

    @Test
    void torPairExamplePeersEachRackNodeWithItsTwoTorsAndNoMesh() throws Exception {
        List<Node> nodes = List.of(
                node("w1", List.of("10.244.1.0/24"), List.of("192.0.2.11"), Map.of("topology.podbgp.dev/rack", "r1"), Map.of()),
                node("w2", List.of("10.244.2.0/24"), List.of("192.0.2.12"), Map.of("topology.podbgp.dev/rack", "r1"), Map.of()));
        DesiredState s = build(load("examples/tor-pair.yaml"), "w1", nodes);
        assertThat(s.peers()).extracting(p -> p.address().toString()).containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(s.peers()).allSatisfy(p -> {
            assertThat(p.asn()).isEqualTo(65000);
            assertThat(p.password()).contains(new Secret("change-me"));
            assertThat(p.timers().holdTime()).isEqualTo(9);
        });
        assertThat(s.gracefulRestart().enabled()).isTrue();
    }

    @Test
    void homelabExampleIsAFullMeshPlusTheHomeRouter() throws Exception {
        List<Node> nodes = List.of(
                node("a", List.of("10.244.1.0/24"), List.of("192.168.1.10"), Map.of(), Map.of()),
                node("b", List.of("10.244.2.0/24"), List.of("192.168.1.11"), Map.of(), Map.of()),
                node("c", List.of("10.244.3.0/24"), List.of("192.168.1.12"), Map.of(), Map.of()));
        DesiredState s = build(load("examples/homelab-mesh.yaml"), "a", nodes);
        assertThat(s.peers()).extracting(p -> p.address() + " " + p.asn())
                .containsExactly("192.168.1.1 64513", "192.168.1.11 64512", "192.168.1.12 64512");
    }

    @Test
    void routeReflectorPairExampleGivesClientsTwoSessions() throws Exception {
        Map<String, String> rr = Map.of(Annotations.ROUTE_REFLECTOR, "server", Annotations.CLUSTER_ID, "10.255.0.1");
        List<Node> nodes = List.of(
                node("infra-1", List.of("10.244.1.0/24"), List.of("10.0.0.1"), Map.of(), rr),
                node("infra-2", List.of("10.244.2.0/24"), List.of("10.0.0.2"), Map.of(), rr),
                node("w1", List.of("10.244.3.0/24"), List.of("10.0.0.11"), Map.of(), Map.of()),
                node("w2", List.of("10.244.4.0/24"), List.of("10.0.0.12"), Map.of(), Map.of()));
        List<HasMetadata> example = load("examples/route-reflector-pair.yaml");
        assertThat(build(example, "w1", nodes).peers()).extracting(p -> p.address().toString())
                .containsExactly("10.0.0.1", "10.0.0.2");
        DesiredState infra1 = build(example, "infra-1", nodes);
        assertThat(infra1.peers()).filteredOn(DesiredPeer::routeReflectorClient).extracting(p -> p.address().toString())
                .containsExactly("10.0.0.11", "10.0.0.12");
    }
}
