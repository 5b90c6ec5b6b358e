package dev.podbgp.k8s.mapping;

import static dev.podbgp.k8s.MockCluster.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.AggregateSpec;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.config.VerdictSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.crd.BGPPeer;
import dev.podbgp.k8s.crd.BGPPeerSpec;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateBuilderTest {
    private static final SecretLookup NO_SECRETS = (name, key) -> Optional.empty();

    private static Node n(String name, String ip, Map<String, String> annotations) {
        return node(name, List.of(), List.of(ip), Map.of(), annotations);
    }

    private static StateBuilder.Result build(String local, List<Node> nodes, List<BGPPeer> peers, BaseSettings base) {
        return StateBuilder.build(base, local, nodes, Optional.empty(), peers, NO_SECRETS);
    }

    private static DesiredState state(String local, List<Node> nodes) {
        return build(local, nodes, List.of(), BaseSettings.DEFAULTS).state().orElseThrow();
    }

    private static List<String> peers(DesiredState s) {
        return s.peers().stream().map(p -> p.address() + (p.routeReflectorClient() ? " rr-client" : "")).toList();
    }

    private static BGPPeer peer(String name, String address) {
        BGPPeer p = new BGPPeer();
        p.setMetadata(new ObjectMetaBuilder().withName(name).build());
        p.setSpec(new BGPPeerSpec());
        p.getSpec().peerAddress = address;
        p.getSpec().peerASN = 65001L;
        return p;
    }

    /** RFC 4456 §4: a reflector's clients peer only with reflectors; reflectors peer with everyone. */
    @Test
    void rfc4456_routeReflectorAnnotationsReplaceTheFullMesh() {
        List<Node> nodes = List.of(
                n("rr1", "10.0.0.1", Map.of(Annotations.ROUTE_REFLECTOR, "server", Annotations.CLUSTER_ID, "10.255.0.1")),
                n("rr2", "10.0.0.2", Map.of(Annotations.ROUTE_REFLECTOR, "server", Annotations.CLUSTER_ID, "10.255.0.1")),
                n("w1", "10.0.0.11", Map.of()),
                n("w2", "10.0.0.12", Map.of(Annotations.ROUTE_REFLECTOR, "client")));
        DesiredState rr1 = state("rr1", nodes);
        assertThat(peers(rr1)).containsExactly("10.0.0.2", "10.0.0.11 rr-client", "10.0.0.12 rr-client");
        assertThat(rr1.roles().routeReflector()).isTrue();
        assertThat(rr1.roles().clusterId()).contains(Ipv4Address.parse("10.255.0.1"));
        DesiredState w1 = state("w1", nodes);
        assertThat(peers(w1)).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(w1.roles().routeReflector()).isFalse();
    }

    /** The base file's aggregates are the cluster's: every node's state carries them. */
    @Test
    void aggregatesOfTheBaseFileReachEveryNodesState() {
        AggregateSpec cluster = new AggregateSpec(Prefix.parse("10.244.0.0/16"), true, List.of(),
                AggregateSpec.DEFAULT_KINDS);
        BaseSettings d = BaseSettings.DEFAULTS;
        BaseSettings base = new BaseSettings(d.asn(), d.routerId(), d.meshEnabled(), d.clusterPodCidrs(), d.listen(),
                d.policies(), d.transit(), d.fib(), d.gracefulRestart(), d.cni(), d.controlSocket(), d.metrics(),
                d.logging(), List.of(cluster));
        List<Node> nodes = List.of(n("a", "10.0.0.1", Map.of()), n("b", "10.0.0.2", Map.of()));
        for (String local : List.of("a", "b")) {
            assertThat(build(local, nodes, List.of(), base).state().orElseThrow().aggregates()).containsExactly(cluster);
        }
        assertThat(state("a", nodes).aggregates()).isEmpty();
    }

    @Test
    void rfc4456_s7_aReflectorWithoutClusterIdUsesItsRouterId() {
        DesiredState s = state("rr1", List.of(n("rr1", "10.0.0.1", Map.of(Annotations.ROUTE_REFLECTOR, "server")),
                n("w1", "10.0.0.11", Map.of())));
        assertThat(s.roles().clusterId()).contains(Ipv4Address.parse("10.0.0.1"));
    }

    @Test
    void nodeAnnotationsSetAsnRouterIdAndExtraPeers() {
        DesiredState s = state("a", List.of(
                n("a", "10.0.0.1", Map.of(Annotations.ASN, "65010", Annotations.ROUTER_ID, "1.1.1.1",
                        Annotations.EXTRA_PEERS, "192.0.2.1=65100, 2001:db8::1=65101")),
                n("b", "10.0.0.2", Map.of(Annotations.ASN, "65020"))));
        assertThat(s.node().asn()).isEqualTo(65010);
        assertThat(s.node().routerId()).isEqualTo(Ipv4Address.parse("1.1.1.1"));
        // A node with its own AS is peered in that AS (eBGP between node ASes).
        assertThat(s.peer(IpAddress.parse("10.0.0.2")).orElseThrow().asn()).isEqualTo(65020);
        DesiredPeer extra = s.peer(IpAddress.parse("2001:db8::1")).orElseThrow();
        assertThat(extra.asn()).isEqualTo(65101);
        assertThat(extra.maxPrefix()).isPresent();
        assertThat(s.peer(IpAddress.parse("192.0.2.1"))).isPresent();
    }

    @Test
    void badAnnotationsAreNamedAndTheRestIsUsed() {
        StateBuilder.Result r = build("a", List.of(
                n("a", "10.0.0.1", Map.of(Annotations.ASN, "70000000000", Annotations.ROUTE_REFLECTOR, "leader",
                        Annotations.EXTRA_PEERS, "192.0.2.1=65100,nonsense,192.0.2.999=1")),
                n("b", "10.0.0.2", Map.of(Annotations.ASN, "x"))), List.of(peer("trans", "192.0.2.9", 23456)), BaseSettings.DEFAULTS);
        assertThat(r.problems()).extracting(Problem::toString).containsExactly(
                "Node/a metadata.annotations[podbgp.dev/asn]: 70000000000 is not an AS number in 1..4294967295",
                "Node/a metadata.annotations[podbgp.dev/route-reflector]: 'leader' is neither server nor client",
                "Node/a metadata.annotations[podbgp.dev/extra-peers]: 'nonsense' is not address=asn",
                "Node/a metadata.annotations[podbgp.dev/extra-peers]: '192.0.2.999' is not an IP address",
                "BGPPeer/trans spec.peerASN: 23456 is AS_TRANS (RFC 6793), not a real AS number");
        DesiredState s = r.state().orElseThrow();
        assertThat(s.node().asn()).isEqualTo(BaseSettings.DEFAULT_ASN);
        assertThat(peers(s)).containsExactly("10.0.0.2", "192.0.2.1");
    }

    private static BGPPeer peer(String name, String address, long asn) {
        BGPPeer p = peer(name, address);
        p.getSpec().peerASN = asn;
        return p;
    }

    @Test
    void aBgpPeerWithAnyBadFieldIsLeftOutWhole() {
        BGPPeer both = peer("both", "192.0.2.1");
        both.getSpec().gtsmHops = 1;
        both.getSpec().ebgpMultihop = 3;
        BGPPeer policy = peer("policy", "192.0.2.2");
        policy.getSpec().importPolicy = "missing";
        BGPPeer timers = peer("timers", "192.0.2.3");
        timers.getSpec().holdTimeSeconds = 2;
        BGPPeer secret = peer("secret", "192.0.2.4");
        secret.getSpec().passwordSecretRef = new dev.podbgp.k8s.crd.SecretKeyRef();
        secret.getSpec().passwordSecretRef.name = "nope";
        secret.getSpec().passwordSecretRef.key = "password";
        BGPPeer ok = peer("ok", "192.0.2.5");
        ok.getSpec().ebgpMultihop = 2;
        ok.getSpec().exportPolicy = "export-pods";
        BaseSettings base = new BaseSettings(64512, Optional.empty(), false, List.of(), BaseSettings.DEFAULTS.listen(),
                Map.of("export-pods", new PolicySpec("export-pods", List.of(), VerdictSpec.ACCEPT)), false,
                BaseSettings.DEFAULTS.fib(), BaseSettings.DEFAULTS.gracefulRestart(), BaseSettings.DEFAULTS.cni(),
                BaseSettings.DEFAULTS.controlSocket(), BaseSettings.DEFAULTS.metrics(), BaseSettings.DEFAULTS.logging());
        StateBuilder.Result r = build("a", List.of(n("a", "10.0.0.1", Map.of())),
                List.of(both, policy, timers, secret, ok), base);
        assertThat(r.problems()).extracting(p -> p.name() + " " + p.field()).containsExactly(
                "both spec.gtsmHops", "policy spec.importPolicy", "secret spec.passwordSecretRef", "timers spec.holdTimeSeconds");
        DesiredState s = r.state().orElseThrow();
        assertThat(peers(s)).containsExactly("192.0.2.5");
        assertThat(s.peers().getFirst().ttl()).isEqualTo(new TtlSpec.Multihop(2));
    }

    @Test
    void aBgpPeersBfdIsOnWhenGivenWithItsDefaultsFilledIn_andAnOutOfRangeValueIsNamed() {
        BGPPeer tor = peer("tor", "192.0.2.1");
        tor.getSpec().bfd = new dev.podbgp.k8s.crd.Bfd();
        tor.getSpec().bfd.minRxMillis = 150;
        BGPPeer bad = peer("bad", "192.0.2.2");
        bad.getSpec().bfd = new dev.podbgp.k8s.crd.Bfd();
        bad.getSpec().bfd.multiplier = 1;
        BGPPeer plain = peer("plain", "192.0.2.3");
        StateBuilder.Result r = build("a", List.of(n("a", "10.0.0.1", Map.of())), List.of(tor, bad, plain), BaseSettings.DEFAULTS);
        assertThat(r.problems()).extracting(p -> p.name() + " " + p.field()).containsExactly("bad spec.bfd");
        DesiredState s = r.state().orElseThrow();
        assertThat(s.peer(IpAddress.parse("192.0.2.1")).orElseThrow().bfd()).isEqualTo(new dev.podbgp.config.BfdSpec(
                true, java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(150), 3, false));
        assertThat(s.peer(IpAddress.parse("192.0.2.3")).orElseThrow().bfd().enabled()).isFalse();
    }

    @Test
    void aBgpPeerWinsOverTheMeshSessionToTheSameAddressAndDuplicatesAreReported() {
        BGPPeer first = peer("a-first", "10.0.0.2");
        BGPPeer second = peer("b-second", "10.0.0.2");
        StateBuilder.Result r = build("a", List.of(n("a", "10.0.0.1", Map.of()), n("b", "10.0.0.2", Map.of())),
                List.of(second, first), BaseSettings.DEFAULTS);
        assertThat(r.problems()).extracting(Problem::toString)
                .containsExactly("BGPPeer/b-second spec.peerAddress: 10.0.0.2 is already a peer through BGPPeer a-first");
        assertThat(r.state().orElseThrow().peer(IpAddress.parse("10.0.0.2")).orElseThrow().asn()).isEqualTo(65001);
    }

    @Test
    void noStateWithoutTheLocalNodeOrARouterId() {
        assertThat(build("gone", List.of(n("a", "10.0.0.1", Map.of())), List.of(), BaseSettings.DEFAULTS).unavailable())
                .hasValueSatisfying(m -> assertThat(m).contains("gone"));
        List<Node> v6only = new ArrayList<>(List.of(node("a", List.of("fd00:1::/64"), List.of("fd00::1"), Map.of(), Map.of())));
        StateBuilder.Result r = build("a", v6only, List.of(), BaseSettings.DEFAULTS);
        assertThat(r.state()).isEmpty();
        assertThat(r.unavailable()).hasValueSatisfying(m -> assertThat(m).contains(Annotations.ROUTER_ID));
    }

    @Test
    void anInvalidPodCidrOfTheLocalNodeIsReportedOthersAreKept() {
        StateBuilder.Result r = build("a", List.of(node("a", List.of("10.244.1.1/24", "fd00:1::/64"), List.of("10.0.0.1"),
                Map.of(), Map.of())), List.of(), BaseSettings.DEFAULTS);
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("spec.podCIDRs[0]"));
        assertThat(r.state().orElseThrow().originated()).extracting(Object::toString).containsExactly("fd00:1::/64");
    }
}
