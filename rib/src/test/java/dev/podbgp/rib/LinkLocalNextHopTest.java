package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 2545 §3: an IPv6 route from a directly connected peer carries a link-local next hop beside the global one.
 * It is part of the route, so a change of only the link-local next hop, or of an ECMP member's, reaches the
 * Loc-RIB listeners (the FIB) like any other next-hop change (issue 15).
 */
class LinkLocalNextHopTest {

    private static final Prefix P = Ipv6Prefix.parse("2001:db8:77::/64");
    private static final Ipv6Address LL_1 = Ipv6Address.parse("fe80::1");
    private static final Ipv6Address LL_2 = Ipv6Address.parse("fe80::2");
    private static final Ipv6Address LL_9 = Ipv6Address.parse("fe80::9");

    private final PeerInfo tor1 = peer(1, "fd00:77:1::2", "10.0.0.1");
    private final PeerInfo tor2 = peer(2, "fd00:77:2::2", "10.0.0.2");
    private final List<LocRibChange> changes = new ArrayList<>();

    private static PeerInfo peer(int id, String address, String routerId) {
        return new PeerInfo(id, IpAddress.parse(address), 64512, Ipv4Address.parse(routerId), false, false);
    }

    private Rib rib(int maxPaths) {
        Rib rib = new Rib(Fixtures.ROUTER_ID, BestPathOptions.defaults(LOCAL_AS).withMaxPaths(maxPaths));
        rib.addListener(changes::add);
        rib.addPeer(tor1, PeerImport.acceptAll(tor1, LOCAL_AS));
        rib.addPeer(tor2, PeerImport.acceptAll(tor2, LOCAL_AS));
        return rib;
    }

    private Route last() {
        assertThat(changes.getLast()).isInstanceOf(LocRibChange.Selected.class);
        return ((LocRibChange.Selected) changes.getLast()).best();
    }

    @Test
    void theLinkLocalNextHopTravelsWithTheRoute() {
        Rib rib = rib(1);
        rib.announce(tor1, P, 0, path(64512).build(), tor1.address(), LL_1);
        assertThat(last().nextHop()).isEqualTo(tor1.address());
        assertThat(last().linkLocalNextHop()).isEqualTo(LL_1);
        assertThat(rib.decision(P).best().linkLocalNextHop()).isEqualTo(LL_1);
    }

    @Test
    void aChangeOfOnlyTheLinkLocalNextHopIsPublished() {
        Rib rib = rib(1);
        rib.announce(tor1, P, 0, path(64512).build(), tor1.address(), LL_1);
        rib.announce(tor1, P, 0, path(64512).build(), tor1.address(), LL_9);
        assertThat(changes).hasSize(2);
        assertThat(last().linkLocalNextHop()).isEqualTo(LL_9);
        // The same again changes nothing.
        rib.announce(tor1, P, 0, path(64512).build(), tor1.address(), LL_9);
        assertThat(changes).hasSize(2);
        // Dropping it (a 16-octet next hop now) is a change too.
        rib.announce(tor1, P, 0, path(64512).build(), tor1.address());
        assertThat(changes).hasSize(3);
        assertThat(last().linkLocalNextHop()).isNull();
    }

    @Test
    void aNonBestEcmpMembersLinkLocalChangeIsPublished() {
        Rib rib = rib(4);
        rib.announce(tor1, P, 0, path(64512).build(), tor1.address(), LL_1);
        rib.announce(tor2, P, 0, path(64512).build(), tor2.address(), LL_2);
        assertThat(changes).hasSize(2);
        Route best = last();
        // tor2 stays a member with the same global next hop; only the way out on its link changed.
        rib.announce(tor2, P, 0, path(64512).build(), tor2.address(), LL_9);
        assertThat(changes).hasSize(3);
        assertThat(last()).isEqualTo(best);
        assertThat(((LocRibChange.Selected) changes.getLast()).decision().multipath())
                .extracting(Route::linkLocalNextHop).containsExactlyInAnyOrder(LL_1, LL_9);
        // A member's attribute that does not touch forwarding or the decision is no change for the FIB.
        rib.announce(tor2, P, 0, path(64512).communities((64512 << 16) | 7).build(), tor2.address(), LL_9);
        assertThat(changes).hasSize(3);
    }

    @Test
    void onlyALinkLocalAddressIsALinkLocalNextHop() {
        assertThatThrownBy(() -> new Route(tor1, 0, path(64512).build(), tor1.address(), Ipv6Address.parse("2001:db8::1")))
                .isInstanceOf(IllegalArgumentException.class);
        Route r = new Route(tor1, 0, path(64512).build(), tor1.address(), LL_1);
        assertThat(r.withNextHop(IpAddress.parse("fd00:77:1::3")).linkLocalNextHop()).isNull();
        assertThat(r.withAttributes(path(64513).build()).linkLocalNextHop()).isEqualTo(LL_1);
        assertThat(r.forwardsLike(r.withAttributes(path(64513).build()))).isTrue();
        assertThat(r.forwardsLike(new Route(tor1, 0, path(64512).build(), tor1.address(), LL_2))).isFalse();
    }
}
