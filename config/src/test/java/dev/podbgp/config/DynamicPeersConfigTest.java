package dev.podbgp.config;

import static dev.podbgp.config.Configs.NODE;
import static dev.podbgp.config.Configs.load;
import static dev.podbgp.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.state.DesiredGatewayPeer;
import dev.podbgp.config.state.DesiredListenRange;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code dynamicPeers} (listen ranges) and {@code defaultGatewayPeer}: reading, defaults, refusals. */
class DynamicPeersConfigTest {

    @Test
    void aRangeWithEachKindOfPeerAs() throws Exception {
        DesiredState s = load(NODE + """
                dynamicPeers:
                  - range: 10.0.0.0/24
                    peerAs: 65100
                  - range: 10.0.1.0/24
                    peerAs: "65100-65110"
                    maxSessions: 8
                    password: range-secret
                    timers: {holdTime: 9}
                  - range: fd00:1::/64
                    peerAs: external
                """).state();
        assertThat(s.listenRanges()).extracting(DesiredListenRange::range)
                .containsExactly(Prefix.parse("10.0.0.0/24"), Prefix.parse("10.0.1.0/24"), Prefix.parse("fd00:1::/64"));
        DesiredListenRange single = s.listenRanges().get(0);
        assertThat(single.peerAs()).isEqualTo(new PeerAsSpec.Exactly(65100));
        assertThat(single.maxSessions()).isEqualTo(DynamicPeerSpec.DEFAULT_MAX_SESSIONS);
        assertThat(single.template().passive()).isTrue();
        assertThat(single.template().maxPrefix()).contains(MaxPrefixSpec.EXTERNAL_DEFAULT);
        assertThat(single.template().families()).containsExactly(FamilySpec.IPV4_UNICAST);
        DesiredListenRange range = s.listenRanges().get(1);
        assertThat(range.peerAs()).isEqualTo(new PeerAsSpec.Range(65100, 65110));
        assertThat(range.maxSessions()).isEqualTo(8);
        assertThat(range.template().password()).map(Secret::value).contains("range-secret");
        assertThat(range.template().timers().holdTime()).isEqualTo(9);
        DesiredListenRange external = s.listenRanges().get(2);
        assertThat(external.peerAs()).isEqualTo(new PeerAsSpec.External());
        assertThat(external.template().families()).containsExactly(FamilySpec.IPV6_UNICAST);

        DesiredPeer connected = range.peerAt(IpAddress.parse("10.0.1.7"), 65105);
        assertThat(connected.address()).isEqualTo(IpAddress.parse("10.0.1.7"));
        assertThat(connected.asn()).isEqualTo(65105);
        assertThat(connected.timers()).isEqualTo(range.template().timers());
        assertThat(s.peers()).isEmpty();
    }

    @Test
    void aMeshRangeOfReflectorClientsIsInTheNodesAs() throws Exception {
        DesiredState s = load(NODE + """
                roles: {routeReflector: true}
                dynamicPeers:
                  - range: 10.0.0.0/16
                    kind: mesh
                    routeReflectorClient: true
                """).state();
        DesiredListenRange clients = s.listenRanges().getFirst();
        assertThat(clients.peerAs()).isEqualTo(new PeerAsSpec.Exactly(65001));
        assertThat(clients.template().kind()).isEqualTo(PeerKindSpec.MESH);
        assertThat(clients.template().routeReflectorClient()).isTrue();
        assertThat(clients.template().maxPrefix()).isEmpty();
    }

    @Test
    void refusals_nameLineAndField() {
        assertThat(problems(NODE + """
                dynamicPeers:
                  - range: 10.0.0.5/24
                    peerAs: 65100
                  - range: 10.0.1.0/24
                    peerAs: "65110-65100"
                  - range: 10.0.2.0/24
                    peerAs: "65100-65535"
                  - range: 10.0.3.0/24
                    peerAs: "65000-65010"
                  - range: 10.0.4.0/24
                    kind: mesh
                    peerAs: 65100
                  - range: 10.0.5.0/24
                    peerAs: 65100
                    passive: false
                  - peerAs: 65100
                  - range: 10.0.6.0/24
                    peerAs: 65100
                  - range: 10.0.6.0/24
                    peerAs: 65101
                  - range: 10.0.7.0/24
                    peerAs: 65100
                    maxSessions: 0
                """)).containsExactly(
                "podbgp.yaml:5:12: dynamicPeers[0].range: '10.0.0.5/24' has host bits set (did you mean 10.0.0.0/24?)",
                "podbgp.yaml:8:13: dynamicPeers[1].peerAs: AS range 65110-65100 is empty: 65110 is above 65100",
                "podbgp.yaml:10:13: dynamicPeers[2].peerAs: 65535 is reserved (RFC 7300) and not a valid AS number",
                "podbgp.yaml:12:13: dynamicPeers[3].peerAs: 65000-65010 admits this node's AS 65001; internal peers need kind: mesh",
                "podbgp.yaml:15:13: dynamicPeers[4].peerAs: mesh peers are in this node's AS 65001, not 65100",
                "podbgp.yaml:18:5: dynamicPeers[5].passive: unknown key 'passive'; expected one of: range, peerAs, maxSessions,"
                        + " kind, password, passwordFile, gtsm, multihop, timers, families, importPolicy, exportPolicy, maxPrefix,"
                        + " routeReflectorClient, nextHopSelf",
                "podbgp.yaml:19:5: dynamicPeers[6].range: required",
                "podbgp.yaml:22:12: dynamicPeers[8].range: listen range 10.0.6.0/24 is already configured at line 20",
                "podbgp.yaml:26:18: dynamicPeers[9].maxSessions: 0 is not in 1..65535");
    }

    @Test
    void theDefaultGatewayPeer() throws Exception {
        DesiredState s = load(NODE + """
                defaultGatewayPeer:
                  asn: 65100
                  timers: {holdTime: 9}
                """).state();
        DesiredGatewayPeer g = s.gatewayPeer().orElseThrow();
        assertThat(g.family()).isEqualTo(AddressFamily.IPV4);
        DesiredPeer tor = g.at(IpAddress.parse("192.0.2.1"));
        assertThat(tor.address()).isEqualTo(IpAddress.parse("192.0.2.1"));
        assertThat(tor.asn()).isEqualTo(65100);
        assertThat(tor.passive()).isFalse();
        assertThat(tor.families()).containsExactly(FamilySpec.IPV4_UNICAST);
        assertThat(tor.timers().holdTime()).isEqualTo(9);

        DesiredState v6 = load(NODE + """
                defaultGatewayPeer: {family: ipv6, asn: 65100}
                """).state();
        assertThat(v6.gatewayPeer().orElseThrow().family()).isEqualTo(AddressFamily.IPV6);
        assertThat(problems(NODE + """
                defaultGatewayPeer: {family: ipv5}
                """)).containsExactly("podbgp.yaml:4:21: defaultGatewayPeer.asn: required",
                "podbgp.yaml:4:30: defaultGatewayPeer.family: 'ipv5' is not allowed, did you mean 'ipv4'?");
    }

    @Test
    void aChangedRangeIsASettingsChange() throws Exception {
        DesiredState before = load(NODE + """
                dynamicPeers: [{range: 10.0.0.0/24, peerAs: 65100}]
                """).state();
        DesiredState after = load(NODE + """
                dynamicPeers: [{range: 10.0.0.0/24, peerAs: 65101}]
                """).state();
        DesiredStateDiff diff = DesiredStateDiff.between(before, after);
        assertThat(diff.settingsChanged()).containsExactly("dynamicPeers");
        assertThat(diff.restartRequired()).isEmpty();
        assertThat(DesiredStateDiff.between(before, before).isEmpty()).isTrue();
        assertThat(List.of(before.listenRanges().getFirst().peerAs())).containsExactly(new PeerAsSpec.Exactly(65100));
    }
}
