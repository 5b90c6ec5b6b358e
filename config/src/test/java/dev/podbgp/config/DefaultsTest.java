package dev.podbgp.config;

import static dev.podbgp.config.Configs.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What a minimal file means: the documented defaults, and the safe defaults of DESIGN.md. */
class DefaultsTest {

    @Test
    void minimalFile_getsTheDocumentedDefaults() throws ConfigException {
        DesiredState s = load("""
                node:
                  asn: 65001
                  routerId: 192.0.2.11
                """).state();
        assertThat(s.listen()).isEqualTo(new ListenSpec(Ipv4Address.ANY, 179));
        assertThat(s.peers()).isEmpty();
        assertThat(s.originated()).isEmpty();
        assertThat(s.roles()).isEqualTo(new RolesSpec(false, Optional.empty(), false));
        assertThat(s.fib()).isEqualTo(new FibSpec(254, 244, 8, false));
        assertThat(s.gracefulRestart()).isEqualTo(new GracefulRestartSpec(false, 120, 0));
        assertThat(s.cni()).isEqualTo(new CniSpec(Path.of("/etc/cni/net.d"), "cni0", OptionalInt.empty()));
        assertThat(s.controlSocket()).isEqualTo(Path.of("/run/podbgp/control.sock"));
        assertThat(s.metrics()).isEqualTo(new MetricsSpec(true, IpAddress.parse("127.0.0.1"), 9179));
        assertThat(s.logging()).isEqualTo(new LoggingSpec(LoggingSpec.Format.KEY_VALUE, LoggingSpec.Level.INFO));
    }

    @Test
    void rfc4271_s10_externalPeerDefaults_andMaxPrefixOnByDefault() throws ConfigException {
        DesiredPeer p = load(Configs.NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100}
                """).state().peers().getFirst();
        assertThat(p.timers()).isEqualTo(new TimersSpec(90, 30, 120));
        assertThat(p.families()).containsExactly(FamilySpec.IPV4_UNICAST);
        assertThat(p.kind()).isEqualTo(PeerKindSpec.EXTERNAL);
        assertThat(p.ttl()).isEqualTo(TtlSpec.SYSTEM_DEFAULT);
        assertThat(p.port()).isEqualTo(179);
        assertThat(p.passive()).isFalse();
        assertThat(p.password()).isEmpty();
        assertThat(p.importPolicy()).isEmpty();
        assertThat(p.maxPrefix()).contains(new MaxPrefixSpec(20_000, 80,
                new MaxPrefixSpec.Teardown(Optional.of(Duration.ofMinutes(5)))));
    }

    @Test
    void keepaliveDefaultsToAThirdOfTheGivenHoldTime() throws ConfigException {
        DesiredPeer p = load(Configs.NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, timers: {holdTime: 9}}
                  - {address: 192.0.2.2, asn: 65100, timers: {holdTime: 0}}
                """).state().peers().getFirst();
        assertThat(p.timers()).isEqualTo(new TimersSpec(9, 3, 120));
    }

    @Test
    void ipv6PeerDefaultsToIpv6Unicast() throws ConfigException {
        DesiredPeer p = load(Configs.NODE + """
                peers:
                  - {address: "2001:db8::1", asn: 65100}
                """).state().peers().getFirst();
        assertThat(p.families()).containsExactly(FamilySpec.IPV6_UNICAST);
    }

    @Test
    void meshPeers_areInTheNodesAs_withoutMaxPrefix() throws ConfigException {
        DesiredState s = load(Configs.NODE + """
                mesh:
                  peers: [192.0.2.13, 192.0.2.12]
                """).state();
        assertThat(s.peers()).extracting(DesiredPeer::address)
                .containsExactly(IpAddress.parse("192.0.2.12"), IpAddress.parse("192.0.2.13"));
        assertThat(s.peers()).allSatisfy(p -> {
            assertThat(p.asn()).isEqualTo(65001);
            assertThat(p.kind()).isEqualTo(PeerKindSpec.MESH);
            assertThat(p.maxPrefix()).isEmpty();
        });
    }

    @Test
    void meshDisabled_hasNoMeshPeers() throws ConfigException {
        assertThat(load(Configs.NODE + """
                mesh: {enabled: false, peers: [192.0.2.12]}
                """).state().peers()).isEmpty();
    }

    @Test
    void explicitMeshKindPeer_takesTheNodesAs() throws ConfigException {
        DesiredPeer p = load(Configs.NODE + """
                peers:
                  - {address: 192.0.2.12, kind: mesh, timers: {holdTime: 9, keepalive: 3}}
                """).state().peers().getFirst();
        assertThat(p.asn()).isEqualTo(65001);
        assertThat(p.maxPrefix()).isEmpty();
    }

    @Test
    void rfc6286_routerId_derivedFromListenAddress_thenFromALocalAddress() throws ConfigException {
        assertThat(load("""
                node: {asn: 65001}
                listen: {address: 192.0.2.20}
                """).state().node().routerId()).isEqualTo(Ipv4Address.parse("192.0.2.20"));
        assertThat(load("""
                node: {asn: 65001}
                peers:
                  - {address: "2001:db8::1", asn: 65100}
                  - {address: 192.0.2.1, asn: 65100, localAddress: 192.0.2.21}
                """).state().node().routerId()).isEqualTo(Ipv4Address.parse("192.0.2.21"));
    }

    @Test
    void rfc4456_s7_clusterIdDefaultsToTheRouterId() throws ConfigException {
        RolesSpec roles = load(Configs.NODE + """
                roles: {routeReflector: true}
                """).state().roles();
        assertThat(roles.clusterId()).contains(Ipv4Address.parse("192.0.2.11"));
    }

    @Test
    void maxPrefixGiven_keepsTheDefaultRestart_unlessZero() throws ConfigException {
        List<DesiredPeer> peers = load(Configs.NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, maxPrefix: {limit: 100}}
                  - {address: 192.0.2.2, asn: 65100, maxPrefix: {limit: 100, restartAfter: 0}}
                  - {address: 192.0.2.3, asn: 65100, maxPrefix: {limit: 100, action: stop, warningPercent: 50}}
                """).state().peers();
        assertThat(peers.get(0).maxPrefix()).contains(new MaxPrefixSpec(100, 80,
                new MaxPrefixSpec.Teardown(Optional.of(Duration.ofMinutes(5)))));
        assertThat(peers.get(1).maxPrefix()).contains(new MaxPrefixSpec(100, 80, new MaxPrefixSpec.Teardown(Optional.empty())));
        assertThat(peers.get(2).maxPrefix()).contains(new MaxPrefixSpec(100, 50, new MaxPrefixSpec.StopAccepting()));
    }

    @Test
    void yaml11WordsAreTextNotBooleans_soAPasswordNamedNoIsKept() throws ConfigException {
        DesiredPeer p = load(Configs.NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, password: no}
                """).state().peers().getFirst();
        assertThat(p.password()).contains(new Secret("no"));
        assertThat(p.password().orElseThrow().toString()).isEqualTo("********");
    }

    @Test
    void gtsmTrueIsOneHop_rfc5082() throws ConfigException {
        List<DesiredPeer> peers = load(Configs.NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, gtsm: true}
                  - {address: 192.0.2.2, asn: 65100, gtsm: 3}
                  - {address: 192.0.2.3, asn: 65100, multihop: 4}
                """).state().peers();
        assertThat(peers).extracting(DesiredPeer::ttl)
                .containsExactly(new TtlSpec.Gtsm(1), new TtlSpec.Gtsm(3), new TtlSpec.Multihop(4));
    }

    @Test
    void sameFileTwice_givesEqualStates() throws ConfigException {
        String yaml = Configs.NODE + """
                peers:
                  - {address: 192.0.2.1, asn: 65100, password: x}
                """;
        assertThat(load(yaml).state()).isEqualTo(load(yaml).state());
    }
}
