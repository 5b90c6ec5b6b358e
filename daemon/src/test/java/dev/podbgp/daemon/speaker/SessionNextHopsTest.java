package dev.podbgp.daemon.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.config.NextHopSpec;
import dev.podbgp.fib.link.InterfaceAddress;
import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.rib.out.SelfNextHops;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which of the node's addresses a session sends as next hops, per family (RFC 4271 §5.1.3, RFC 2545 §3). */
class SessionNextHopsTest {

    private static final int LO = 1;
    private static final int ETH0 = 2;
    private static final int ETH1 = 3;
    private static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    /** A dual-stack node: eth0 towards the ToR with both families, eth1 elsewhere, loopback with a /32. */
    private static final List<InterfaceAddress> NODE = List.of(
            address(LO, "127.0.0.1", 8, 0),
            address(LO, "10.255.0.1", 32, 0),
            address(ETH0, "192.0.2.10", 24, 0),
            address(ETH1, "198.51.100.10", 24, 0),
            address(LO, "::1", 128, 0),
            address(ETH0, "2001:db8::5", 64, Rtnetlink.IFA_F_DEPRECATED),
            address(ETH0, "2001:db8::7", 64, Rtnetlink.IFA_F_TEMPORARY),
            address(ETH0, "2001:db8::10", 64, 0),
            address(ETH0, "fe80::10", 64, 0),
            address(ETH1, "2001:db8:1::10", 64, 0),
            address(ETH1, "fe80::11", 64, 0));

    private static InterfaceAddress address(int ifindex, String a, int length, int flags) {
        return new InterfaceAddress(ifindex, IpAddress.parse(a), length, flags);
    }

    private static SelfNextHops choose(String local, String peer, NextHopSpec configured) {
        return SessionNextHops.choose(Optional.of(IpAddress.parse(local)), IpAddress.parse(peer), NODE, configured, BOTH);
    }

    @Test
    void rfc2545_s3_anIpv4SessionOnTheLinkGetsTheInterfacesGlobalAndLinkLocalIpv6() {
        SelfNextHops self = choose("192.0.2.10", "192.0.2.1", NextHopSpec.NONE);
        // Deprecated and privacy addresses are skipped: the first stable global address of eth0.
        assertThat(self).isEqualTo(new SelfNextHops(Ipv4Address.parse("192.0.2.10"), Ipv6Address.parse("2001:db8::10"),
                Ipv6Address.parse("fe80::10")));
    }

    @Test
    void rfc2545_s3_aPeerOffTheLinkGetsNoLinkLocal() {
        // A session from the loopback to a peer some hops away: lo's addresses only, and no link to share.
        SelfNextHops self = choose("10.255.0.1", "203.0.113.1", NextHopSpec.NONE);
        assertThat(self).isEqualTo(SelfNextHops.of(Ipv4Address.parse("10.255.0.1"), null));
        SelfNextHops viaEth0 = choose("192.0.2.10", "203.0.113.1", NextHopSpec.NONE);
        assertThat(viaEth0.ipv6()).isEqualTo(Ipv6Address.parse("2001:db8::10"));
        assertThat(viaEth0.ipv6LinkLocal()).isNull();
    }

    @Test
    void anIpv6SessionGetsTheInterfacesIpv4Address_notAnotherInterfacesOne() {
        SelfNextHops self = choose("2001:db8:1::10", "2001:db8:1::1", NextHopSpec.NONE);
        assertThat(self).isEqualTo(new SelfNextHops(Ipv4Address.parse("198.51.100.10"), Ipv6Address.parse("2001:db8:1::10"),
                Ipv6Address.parse("fe80::11")));
    }

    @Test
    void aSessionOverLinkLocalAddressesKeepsItsOwnLinkLocalAndFindsAGlobal() {
        SelfNextHops self = choose("fe80::10", "fe80::1", NextHopSpec.NONE);
        assertThat(self).isEqualTo(new SelfNextHops(Ipv4Address.parse("192.0.2.10"), Ipv6Address.parse("2001:db8::10"),
                Ipv6Address.parse("fe80::10")));
    }

    @Test
    void onlyTheNegotiatedFamiliesGetNextHops_soSessionsOnOtherLinksStillShareAnUpdateGroup() {
        SelfNextHops v4only = SessionNextHops.choose(Optional.of(IpAddress.parse("192.0.2.10")), IpAddress.parse("192.0.2.1"),
                NODE, NextHopSpec.NONE, Set.of(Family.IPV4_UNICAST));
        assertThat(v4only).isEqualTo(SelfNextHops.of(Ipv4Address.parse("192.0.2.10"), null));
        SelfNextHops v6only = SessionNextHops.choose(Optional.of(IpAddress.parse("2001:db8::10")), IpAddress.parse("2001:db8::1"),
                NODE, NextHopSpec.NONE, Set.of(Family.IPV6_UNICAST));
        assertThat(v6only).isEqualTo(new SelfNextHops(null, Ipv6Address.parse("2001:db8::10"), Ipv6Address.parse("fe80::10")));
    }

    @Test
    void theConfiguredNextHopReplacesWhatWasFound_familyByFamily() {
        NextHopSpec v6 = new NextHopSpec(Optional.empty(), Optional.of(Ipv6Address.parse("2001:db8:ff::1")));
        SelfNextHops self = choose("10.255.0.1", "203.0.113.1", v6);
        assertThat(self).isEqualTo(SelfNextHops.of(Ipv4Address.parse("10.255.0.1"), Ipv6Address.parse("2001:db8:ff::1")));
        NextHopSpec v4 = new NextHopSpec(Optional.of(Ipv4Address.parse("192.0.2.99")), Optional.empty());
        assertThat(choose("192.0.2.10", "192.0.2.1", v4).ipv4()).isEqualTo(Ipv4Address.parse("192.0.2.99"));
    }

    @Test
    void withoutTheKernelsAnswer_theSessionsOwnAddressIsAllThereIs() {
        SelfNextHops self = SessionNextHops.choose(Optional.of(IpAddress.parse("192.0.2.10")), IpAddress.parse("192.0.2.1"),
                List.of(), NextHopSpec.NONE, BOTH);
        assertThat(self).isEqualTo(SelfNextHops.of(Ipv4Address.parse("192.0.2.10"), null));
        assertThat(SessionNextHops.withoutNextHop(self, Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST)))
                .containsExactly(Family.IPV6_UNICAST);
        assertThat(SessionNextHops.withoutNextHop(self, Set.of(Family.IPV4_UNICAST))).isEmpty();
    }
}
