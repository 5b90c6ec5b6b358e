package dev.podbgp.daemon.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What FibBridge asks the kernel to forward through, for each shape of next hop a route can have (issue 15). */
class FibBridgeTest {

    private static final PathAttributes ATTRS = PathAttributes.of(Origin.IGP, AsPath.ofSequence(64512));
    private static final PeerInfo ON_ETH1 = peer(1, "fd00:77:1::2");
    private static final PeerInfo ON_ETH2 = peer(2, "fd00:77:2::2");
    private static final PeerInfo MULTIHOP = peer(3, "fd00:99::2");

    // eth1 is 4, eth2 is 5; the multihop peer is on no link of ours.
    private final FibBridge bridge = new FibBridge(null, p -> p.id() == 1 ? 4 : p.id() == 2 ? 5 : 0);

    private static PeerInfo peer(int id, String address) {
        return new PeerInfo(id, IpAddress.parse(address), 64512, Ipv4Address.parse("10.0.0." + id), false, false);
    }

    private static Route route(PeerInfo peer, String global, String linkLocal) {
        return new Route(peer, 0, ATTRS, IpAddress.parse(global), linkLocal == null ? null : Ipv6Address.parse(linkLocal));
    }

    private static NextHop.Gateway via(String address, int ifindex) {
        return new NextHop.Gateway(IpAddress.parse(address), ifindex, false);
    }

    @Test
    void aGlobalNextHopIsLeftToTheKernelToResolve() {
        assertThat(bridge.nextHop(List.of(route(ON_ETH1, "fd00:77:1::2", null)))).isEqualTo(via("fd00:77:1::2", 0));
        assertThat(bridge.nextHop(List.of(new Route(ON_ETH1, 0, ATTRS, IpAddress.parse("10.0.0.2")))))
                .isEqualTo(via("10.0.0.2", 0));
    }

    @Test
    void rfc2545_aDirectlyConnectedPeersLinkLocalNextHopIsInstalledOnTheSessionsInterface() {
        assertThat(bridge.nextHop(List.of(route(ON_ETH1, "fd00:77:1::2", "fe80::2")))).isEqualTo(via("fe80::2", 4));
    }

    @Test
    void withoutAnInterfaceTheGlobalNextHopIsUsed() {
        assertThat(bridge.nextHop(List.of(route(MULTIHOP, "fd00:99::2", "fe80::2")))).isEqualTo(via("fd00:99::2", 0));
    }

    @Test
    void aLinkLocalAddressAsTheOnlyNextHopGetsTheInterfaceToo() {
        // Unnumbered peering, and RFC 8950 IPv4 routes over it: the next hop is link-local itself.
        assertThat(bridge.nextHop(List.of(route(ON_ETH2, "fe80::9", null)))).isEqualTo(via("fe80::9", 5));
        assertThat(bridge.nextHop(List.of(new Route(ON_ETH2, 0, ATTRS, IpAddress.parse("fe80::9")))))
                .isEqualTo(via("fe80::9", 5));
    }

    @Test
    void ecmpMembersThatAreLinkLocalCarryTheirInterfaces() {
        NextHop hop = bridge.nextHop(List.of(route(ON_ETH2, "fd00:77:2::2", "fe80::2"), route(ON_ETH1, "fd00:77:1::2", "fe80::2")));
        // The same link-local address on two links is two paths; sorted, so one set is one next hop.
        assertThat(hop).isEqualTo(new NextHop.Multipath(List.of(via("fe80::2", 4), via("fe80::2", 5))));
    }

    @Test
    void anEcmpSetWithAGlobalMemberKeepsThatMemberWithoutInterface() {
        NextHop hop = bridge.nextHop(List.of(route(ON_ETH1, "fd00:77:1::2", "fe80::2"), route(MULTIHOP, "fd00:99::2", null)));
        assertThat(hop).isEqualTo(new NextHop.Multipath(List.of(via("fd00:99::2", 0), via("fe80::2", 4))));
    }

    @Test
    void pathsThroughOneGatewayAreOneNextHopAndEqualSetsShareOneValue() {
        Route a = route(ON_ETH1, "fd00:77:1::2", "fe80::2");
        Route b = new Route(ON_ETH1, 7, ATTRS, IpAddress.parse("fd00:77:1::2"), Ipv6Address.parse("fe80::2"));
        assertThat(bridge.nextHop(List.of(a, b))).isEqualTo(via("fe80::2", 4));
        Route c = route(ON_ETH2, "fd00:77:2::2", "fe80::3");
        assertThat(bridge.nextHop(List.of(a, c))).isSameAs(bridge.nextHop(List.of(c, a)));
        assertThat(bridge.nextHop(List.of(a))).isSameAs(bridge.nextHop(List.of(b)));
    }
}
