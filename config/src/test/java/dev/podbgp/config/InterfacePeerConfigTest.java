package dev.podbgp.config;

import static dev.podbgp.config.Configs.NODE;
import static dev.podbgp.config.Configs.load;
import static dev.podbgp.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.inet.Ipv6Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code peers[].interface}: unnumbered peers (RFC 8950 over IPv6 link-local), their defaults and refusals. */
class InterfacePeerConfigTest {

    private static final String LISTEN_ANY = """
            listen:
              address: "::"
            """;

    @Test
    void interfacePeer_isATemplateOutsideThePeersUntilItsLinkLocalIsKnown() throws ConfigException {
        DesiredState s = load(NODE + LISTEN_ANY + """
                peers:
                  - interface: eth0
                    asn: 65100
                  - address: 192.0.2.1
                    asn: 65100
                """).state();
        assertThat(s.peers()).extracting(p -> p.address().toString()).containsExactly("192.0.2.1");
        DesiredPeer template = s.interfacePeers().getFirst();
        assertThat(template.interfaceName()).contains("eth0");
        assertThat(template.address()).isEqualTo(Ipv6Address.ANY);
        assertThat(template.families()).containsExactly(FamilySpec.IPV4_UNICAST, FamilySpec.IPV6_UNICAST);

        DesiredPeer resolved = template.atLinkLocal(Ipv6Address.parse("fe80::1"));
        assertThat(resolved.address()).isEqualTo(Ipv6Address.parse("fe80::1"));
        assertThat(resolved.interfaceName()).contains("eth0");
        assertThat(s.withPeers(List.of(resolved)).peers()).hasSize(2);
    }

    @Test
    void addressAndInterface_areExclusive() {
        assertThat(problems(NODE + LISTEN_ANY + """
                peers:
                  - interface: eth0
                    address: 192.0.2.1
                    asn: 65100
                """)).containsExactly("podbgp.yaml:8:14: peers[0].address: give address or interface, not both: "
                + "an interface peer is reached at the link-local address it advertises");
    }

    @Test
    void oneUnnumberedPeerPerInterface() {
        assertThat(problems(NODE + LISTEN_ANY + """
                peers:
                  - {interface: eth0, asn: 65100}
                  - {interface: eth0, asn: 65101}
                """)).containsExactly("podbgp.yaml:8:17: peers[1].interface: interface eth0 already has a peer at line 7");
    }

    @Test
    void interfaceName_followsTheKernelsRules() {
        assertThat(problems(NODE + LISTEN_ANY + """
                peers:
                  - {interface: a-name-that-is-too-long, asn: 65100}
                  - {interface: "eth/0", asn: 65100}
                """)).containsExactly(
                "podbgp.yaml:7:17: peers[0].interface: 'a-name-that-is-too-long' is not a Linux interface name (1..15 characters, no '/', ':' or spaces)",
                "podbgp.yaml:8:17: peers[1].interface: 'eth/0' is not a Linux interface name (1..15 characters, no '/', ':' or spaces)");
    }

    @Test
    void localAddressAndMultihop_doNotApplyToALinkPeer() {
        assertThat(problems(NODE + LISTEN_ANY + """
                peers:
                  - interface: eth0
                    asn: 65100
                    localAddress: 2001:db8::1
                    multihop: 2
                """)).containsExactly(
                "podbgp.yaml:9:19: peers[0].localAddress: an interface peer is reached from our link-local address on that interface; remove localAddress",
                "podbgp.yaml:10:15: peers[0].multihop: an interface peer is on the link itself; multihop does not apply");
    }

    @Test
    void anIpv4ListenAddress_cannotAcceptAnUnnumberedPeer() {
        assertThat(problems(NODE + """
                peers:
                  - {interface: eth0, asn: 65100}
                """)).containsExactly("podbgp.yaml:1:1: listen.address: interface peers connect over IPv6 link-local addresses: "
                + "set listen.address to \"::\" (also accepts IPv4)");
    }
}
