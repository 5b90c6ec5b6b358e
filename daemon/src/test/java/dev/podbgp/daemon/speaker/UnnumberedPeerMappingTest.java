package dev.podbgp.daemon.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.ExtendedNextHop;
import dev.podbgp.config.BfdSpec;
import dev.podbgp.config.FamilySpec;
import dev.podbgp.config.GracefulRestartSpec;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.TimersSpec;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.NodeIdentity;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an unnumbered peer's session is: a scoped link-local connection with RFC 8950 in the OPEN. */
class UnnumberedPeerMappingTest {

    private static final NodeIdentity NODE = new NodeIdentity("n1", Ipv4Address.parse("192.0.2.11"), 65001);
    private static final Ipv6Address PEER = Ipv6Address.parse("fe80::a8c1:abff:fe12:3456");

    private static DesiredPeer peer(Optional<String> interfaceName, IpAddress address, List<FamilySpec> families) {
        return new DesiredPeer(address, 65100, Optional.empty(), 179, Optional.empty(), TtlSpec.SYSTEM_DEFAULT,
                TimersSpec.DEFAULT, families, false, Optional.empty(), Optional.empty(), Optional.empty(), false, false,
                PeerKindSpec.EXTERNAL, BfdSpec.DISABLED, dev.podbgp.config.NextHopSpec.NONE, interfaceName);
    }

    @Test
    void rfc8950_s3_unnumberedPeer_offersIpv4OverAnIpv6NextHop_andConnectsWithinItsLink() {
        LinkScopes scopes = new LinkScopes();
        scopes.put(PEER, 7);
        DesiredPeer p = peer(Optional.of("eth0"), Ipv6Address.ANY, List.of(FamilySpec.IPV4_UNICAST, FamilySpec.IPV6_UNICAST))
                .atLinkLocal(PEER);
        PeerConfig config = SessionMapper.peerConfig(NODE, p, GracefulRestartSpec.DEFAULT, scopes);
        assertThat(config.session().capabilities()).contains(
                new ExtendedNextHop(List.of(ExtendedNextHop.Entry.of(Family.IPV4_UNICAST, Family.AFI_IPV6))));
        assertThat(config.address()).isInstanceOfSatisfying(Inet6Address.class, a -> {
            assertThat(a.getScopeId()).isEqualTo(7);
            assertThat(IpAddress.ofBytes(a.getAddress())).isEqualTo(PEER);
        });
    }

    @Test
    void numberedPeer_keepsItsOpenAsBefore() {
        PeerConfig config = SessionMapper.peerConfig(NODE, peer(Optional.empty(), IpAddress.parse("2001:db8::2"),
                List.of(FamilySpec.IPV4_UNICAST, FamilySpec.IPV6_UNICAST)), GracefulRestartSpec.DEFAULT, new LinkScopes());
        assertThat(config.session().capabilities()).noneMatch(c -> c instanceof ExtendedNextHop);
        assertThat(((Inet6Address) config.address()).getScopeId()).isZero();
    }
}
