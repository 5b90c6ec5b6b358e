package dev.podbgp.k8s.source;

import static dev.podbgp.k8s.MockCluster.await;
import static dev.podbgp.k8s.MockCluster.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.Secret;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.MockCluster;
import dev.podbgp.k8s.crd.BGPConfiguration;
import dev.podbgp.k8s.crd.BGPConfigurationSpec;
import dev.podbgp.k8s.crd.BGPPeer;
import dev.podbgp.k8s.crd.BGPPeerSpec;
import dev.podbgp.k8s.crd.SecretKeyRef;
import dev.podbgp.k8s.mapping.BaseSettings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubernetesStateSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MockCluster cluster;
    private KubernetesClient admin;
    private KubernetesStateSource source;
    private final List<DesiredState> emitted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        cluster = new MockCluster();
        admin = cluster.client();
        admin.nodes().resource(node("n1", List.of("10.244.1.0/24", "fd00:10:244:1::/64"),
                List.of("192.168.0.1", "fd00::1"), Map.of("rack", "r1"), Map.of())).create();
        admin.nodes().resource(node("n2", List.of("10.244.2.0/24"), List.of("192.168.0.2", "fd00::2"),
                Map.of("rack", "r2"), Map.of())).create();
    }

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        cluster.close();
    }

    private void start(Duration resync) {
        source = new KubernetesStateSource(cluster.client(), new SourceOptions("n1", "podbgp", "default",
                BaseSettings.DEFAULTS, Duration.ofMillis(50), resync), emitted::add);
        source.start();
        await(WAIT, "a first state", () -> !emitted.isEmpty());
    }

    private DesiredState last() {
        return emitted.getLast();
    }

    private static List<IpAddress> addresses(DesiredState s) {
        return s.peers().stream().map(DesiredPeer::address).toList();
    }

    private static IpAddress ip(String s) {
        return IpAddress.parse(s);
    }

    @Test
    void nodesBecomeMeshPeersAndTheLocalPodCidrsAreOriginated() {
        start(Duration.ofMinutes(5));
        DesiredState s = last();
        assertThat(s.node().name()).isEqualTo("n1");
        assertThat(s.node().routerId().toString()).isEqualTo("192.168.0.1");
        assertThat(s.node().asn()).isEqualTo(BaseSettings.DEFAULT_ASN);
        assertThat(s.originated()).containsExactly(Prefix.parse("10.244.1.0/24"), Prefix.parse("fd00:10:244:1::/64"));
        // Both families of the other node; never the node itself.
        assertThat(addresses(s)).containsExactly(ip("192.168.0.2"), ip("fd00::2"));
        assertThat(s.peers()).allMatch(p -> p.kind() == PeerKindSpec.MESH && p.asn() == BaseSettings.DEFAULT_ASN);

        admin.nodes().resource(node("n3", List.of("10.244.3.0/24"), List.of("192.168.0.3"), Map.of(), Map.of())).create();
        await(WAIT, "n3 joins the mesh", () -> addresses(last()).contains(ip("192.168.0.3")));

        admin.nodes().withName("n2").delete();
        await(WAIT, "n2 leaves the mesh", () -> !addresses(last()).contains(ip("192.168.0.2")));
        DesiredStateDiff d = DesiredStateDiff.between(emitted.get(emitted.size() - 2), last());
        // The daemon ends these sessions with Cease / Peer De-configured.
        assertThat(d.peersRemoved()).extracting(DesiredPeer::address).containsExactly(ip("192.168.0.2"), ip("fd00::2"));
        assertThat(d.restartRequired()).isEmpty();
    }

    @Test
    void aPodCidrChangeIsReannouncedWithoutRestart() {
        start(Duration.ofMinutes(5));
        admin.nodes().withName("n1").edit(n -> {
            n.getSpec().setPodCIDRs(List.of("10.244.9.0/24", "fd00:10:244:9::/64"));
            n.getSpec().setPodCIDR("10.244.9.0/24");
            return n;
        });
        await(WAIT, "the new podCIDRs", () -> last().originated().contains(Prefix.parse("10.244.9.0/24")));
        DesiredStateDiff d = DesiredStateDiff.between(emitted.get(emitted.size() - 2), last());
        assertThat(d.originatedAdded()).containsExactly(Prefix.parse("10.244.9.0/24"), Prefix.parse("fd00:10:244:9::/64"));
        assertThat(d.originatedRemoved()).containsExactly(Prefix.parse("10.244.1.0/24"), Prefix.parse("fd00:10:244:1::/64"));
        assertThat(d.peersAdded()).isEmpty();
        assertThat(d.peersRemoved()).isEmpty();
    }

    @Test
    void resyncDoesNotReemitAnEqualState() throws Exception {
        // fabric8's shortest resync period is one second.
        start(Duration.ofSeconds(1));
        int before = emitted.size();
        // Two resync periods and a half: each resync calls onUpdate for every object.
        Thread.sleep(2500);
        assertThat(emitted).hasSize(before);
        // The source is still live: a real change still gets through.
        admin.nodes().withName("n2").delete();
        await(WAIT, "n2 removed", () -> emitted.size() == before + 1);
    }

    @Test
    void aBurstOfChangesYieldsOneState() {
        source = new KubernetesStateSource(cluster.client(), new SourceOptions("n1", "podbgp", "default",
                BaseSettings.DEFAULTS, Duration.ofSeconds(1), Duration.ofMinutes(5)), emitted::add);
        source.start();
        await(WAIT, "a first state", () -> !emitted.isEmpty());
        int before = emitted.size();
        for (int i = 5; i < 8; i++) {
            admin.nodes().resource(node("n" + i, List.of(), List.of("192.168.0." + i), Map.of(), Map.of())).create();
        }
        await(WAIT, "all three nodes", () -> addresses(last()).containsAll(
                List.of(ip("192.168.0.5"), ip("192.168.0.6"), ip("192.168.0.7"))));
        assertThat(emitted).hasSize(before + 1);
    }

    @Test
    void theLocalNodeDisappearingKeepsTheLastState() {
        start(Duration.ofMinutes(5));
        DesiredState before = last();
        admin.nodes().withName("n1").delete();
        admin.nodes().resource(node("n9", List.of(), List.of("192.168.0.9"), Map.of(), Map.of())).create();
        // Another change after the deletion has been processed: still nothing, nothing withdrawn.
        sleep(500);
        assertThat(emitted).containsExactly(before);
        admin.nodes().resource(node("n1", List.of("10.244.1.0/24"), List.of("192.168.0.1"), Map.of(), Map.of())).create();
        await(WAIT, "n1 back", () -> addresses(last()).contains(ip("192.168.0.9")));
    }

    @Test
    void crdsCreatedEditedAndDeleted() {
        start(Duration.ofMinutes(5));
        admin.secrets().inNamespace("podbgp").resource(new SecretBuilder().withNewMetadata().withName("tor")
                .endMetadata().withStringData(Map.of("password", "s3cret")).build()).create();
        BGPPeer tor = peer("tor-a", "192.0.2.1", 65001, Map.of("rack", "r1"));
        tor.getSpec().passwordSecretRef = new SecretKeyRef();
        tor.getSpec().passwordSecretRef.name = "tor";
        tor.getSpec().passwordSecretRef.key = "password";
        tor.getSpec().gtsmHops = 1;
        admin.resources(BGPPeer.class).resource(tor).create();
        // Selects only rack r2: not this node.
        admin.resources(BGPPeer.class).resource(peer("tor-b", "192.0.2.2", 65002, Map.of("rack", "r2"))).create();
        await(WAIT, "the ToR peer", () -> addresses(last()).contains(ip("192.0.2.1")));
        DesiredPeer p = last().peer(ip("192.0.2.1")).orElseThrow();
        assertThat(p.asn()).isEqualTo(65001);
        assertThat(p.password()).contains(new Secret("s3cret"));
        assertThat(p.ttl()).isEqualTo(new TtlSpec.Gtsm(1));
        assertThat(p.kind()).isEqualTo(PeerKindSpec.EXTERNAL);
        assertThat(addresses(last())).doesNotContain(ip("192.0.2.2"));

        admin.resources(BGPPeer.class).withName("tor-a").edit(x -> {
            x.getSpec().holdTimeSeconds = 9;
            return x;
        });
        await(WAIT, "the edited hold time", () -> last().peer(ip("192.0.2.1")).orElseThrow().timers().holdTime() == 9);
        assertThat(last().peer(ip("192.0.2.1")).orElseThrow().timers().keepalive()).isEqualTo(3);

        BGPConfiguration cfg = new BGPConfiguration();
        cfg.setMetadata(new ObjectMetaBuilder().withName(BGPConfiguration.NAME).build());
        cfg.setSpec(new BGPConfigurationSpec());
        cfg.getSpec().asn = 65000L;
        cfg.getSpec().meshEnabled = false;
        cfg.getSpec().clusterPodCIDRs = List.of("10.244.0.0/16");
        admin.resources(BGPConfiguration.class).resource(cfg).create();
        await(WAIT, "mesh off", () -> !addresses(last()).contains(ip("192.168.0.2")));
        assertThat(last().node().asn()).isEqualTo(65000);
        assertThat(last().clusterPodCidrs()).containsExactly(Prefix.parse("10.244.0.0/16"));
        assertThat(addresses(last())).containsExactly(ip("192.0.2.1"));

        admin.resources(BGPPeer.class).withName("tor-a").delete();
        admin.resources(BGPConfiguration.class).withName(BGPConfiguration.NAME).delete();
        await(WAIT, "tor-a gone, mesh back", () -> !addresses(last()).contains(ip("192.0.2.1"))
                && addresses(last()).contains(ip("192.168.0.2")));
    }

    @Test
    void invalidContentIsIgnoredWithAnEventAndTheRestKeepsWorking() {
        start(Duration.ofMinutes(5));
        // The schema's pattern would refuse this; the mock server does not validate, as a too-loose pattern would not.
        admin.resources(BGPPeer.class).resource(peer("broken", "192.0.2.300", 65001, null)).create();
        admin.resources(BGPPeer.class).resource(peer("good", "192.0.2.7", 65007, null)).create();
        await(WAIT, "the good peer", () -> addresses(last()).contains(ip("192.0.2.7")));
        await(WAIT, "an Event on the broken peer", () -> events("broken").stream()
                .anyMatch(e -> e.getMessage().startsWith("spec.peerAddress:") && "Warning".equals(e.getType())));
        assertThat(addresses(last())).containsExactly(ip("192.0.2.7"), ip("192.168.0.2"), ip("fd00::2"));

        // Fixing it brings it in; the same problem is not reported twice while it lasted.
        assertThat(events("broken")).hasSize(1);
        admin.resources(BGPPeer.class).withName("broken").edit(x -> {
            x.getSpec().peerAddress = "192.0.2.30";
            return x;
        });
        await(WAIT, "the repaired peer", () -> addresses(last()).contains(ip("192.0.2.30")));
    }

    @Test
    void aServiceIngressIpIsAnnouncedAndMovesWithItsLocalEndpoint() {
        start(Duration.ofMinutes(5));
        admin.services().inNamespace("shop").resource(MockCluster.service("shop", "web", "podbgp.dev/bgp",
                List.of("192.0.2.80"), "Local")).create();
        admin.discovery().v1().endpointSlices().inNamespace("shop")
                .resource(MockCluster.endpointSlice("shop", "web", Map.of("n1", true))).create();
        Prefix vip = Prefix.parse("192.0.2.80/32");
        await(WAIT, "the Service's route", () -> serviceRoutes(last()).contains(vip));
        DesiredState announced = last();
        assertThat(announced.serviceRoutes()).singleElement().satisfies(r -> assertThat(r.services()).containsExactly("shop/web"));

        // The pod moves to n2: this node has no ready endpoint left, so it stops attracting the traffic.
        admin.discovery().v1().endpointSlices().inNamespace("shop").withName("web-abcde").edit(slice -> {
            slice.getEndpoints().getFirst().setNodeName("n2");
            return slice;
        });
        await(WAIT, "the route withdrawn", () -> !serviceRoutes(last()).contains(vip));
        DesiredStateDiff d = DesiredStateDiff.between(announced, last());
        assertThat(d.serviceRoutesWithdrawn()).containsExactly(vip);
        assertThat(d.peersAdded()).isEmpty();
        assertThat(d.peersRemoved()).isEmpty();
        assertThat(d.peersChanged()).isEmpty();

        // With traffic policy Cluster every node announces it, wherever the endpoints are.
        admin.services().inNamespace("shop").withName("web").edit(svc -> {
            svc.getSpec().setExternalTrafficPolicy("Cluster");
            return svc;
        });
        await(WAIT, "the route back", () -> serviceRoutes(last()).contains(vip));
    }

    @Test
    void aBadServiceAnnotationIsAnEventInTheServicesNamespaceAndTheServiceIsStillAnnounced() {
        start(Duration.ofMinutes(5));
        var svc = MockCluster.service("shop", "web", "podbgp.dev/bgp", List.of("192.0.2.81"), "Cluster");
        svc.getMetadata().setAnnotations(Map.of("podbgp.dev/local-preference", "high"));
        admin.services().inNamespace("shop").resource(svc).create();
        await(WAIT, "the Service's route", () -> serviceRoutes(last()).contains(Prefix.parse("192.0.2.81/32")));
        assertThat(last().serviceRoutes().getFirst().localPreference()).isEmpty();
        await(WAIT, "an Event on the Service", () -> admin.v1().events().inNamespace("shop").list().getItems().stream()
                .anyMatch(e -> "web".equals(e.getInvolvedObject().getName()) && "Service".equals(e.getInvolvedObject().getKind())
                        && e.getMessage().startsWith("metadata.annotations[podbgp.dev/local-preference]")));
    }

    private static List<Prefix> serviceRoutes(DesiredState s) {
        return s.serviceRoutes().stream().map(dev.podbgp.config.state.ServiceRoute::prefix).toList();
    }

    @Test
    void apiServerRestartKeepsTheLastStateAndDoesNotReemitIt() {
        start(Duration.ofSeconds(1));
        DesiredState before = last();
        int count = emitted.size();
        cluster.stop();
        // Several failed relists and resyncs while the server is away: nothing new, the last state stays.
        await(WAIT, "a failed watch", () -> source.current().isPresent());
        sleep(1500);
        assertThat(emitted).hasSize(count);
        assertThat(source.current()).contains(before);

        cluster.restart();
        admin.nodes().resource(node("n4", List.of("10.244.4.0/24"), List.of("192.168.0.4"), Map.of(), Map.of())).create();
        await(Duration.ofSeconds(20), "n4 seen after the restart", () -> addresses(last()).contains(ip("192.168.0.4")));
        // Exactly one new state: the relist after reconnecting rebuilt an equal state and did not emit it.
        assertThat(emitted).hasSize(count + 1);
        assertThat(DesiredStateDiff.between(before, last()).peersAdded()).extracting(DesiredPeer::address)
                .containsExactly(ip("192.168.0.4"));
    }

    @Test
    void startedWhileTheApiServerIsAwayItEmitsNothingUntilItHasListedEverything() {
        cluster.stop();
        source = new KubernetesStateSource(cluster.client(), new SourceOptions("n1", "podbgp", "default",
                BaseSettings.DEFAULTS, Duration.ofMillis(50), Duration.ofSeconds(1)), emitted::add);
        source.start();
        sleep(1000);
        // Empty caches after failed lists are not an empty cluster.
        assertThat(emitted).isEmpty();
        cluster.restart();
        await(Duration.ofSeconds(20), "the first state once the server is back", () -> !emitted.isEmpty());
        assertThat(addresses(last())).containsExactly(ip("192.168.0.2"), ip("fd00::2"));
    }

    private List<Event> events(String name) {
        return admin.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static BGPPeer peer(String name, String address, long asn, Map<String, String> selector) {
        BGPPeer p = new BGPPeer();
        p.setMetadata(new ObjectMetaBuilder().withName(name).build());
        p.setSpec(new BGPPeerSpec());
        p.getSpec().peerAddress = address;
        p.getSpec().peerASN = asn;
        p.getSpec().nodeSelector = selector;
        return p;
    }
}
