package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttribute;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.RoleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Peers, routes and node settings for Adj-RIB-Out tests. Local AS 65000. */
final class OutFixtures {

    static final long LOCAL_AS = 65000;
    static final Ipv4Address ROUTER_ID = Ipv4Address.parse("10.255.0.1");
    static final Ipv4Address CLUSTER_ID = Ipv4Address.parse("10.255.255.1");
    static final NodeSettings REFLECTOR = new NodeSettings(LOCAL_AS, ROUTER_ID, CLUSTER_ID, new RoleConfig(true, false));
    static final NodeSettings PLAIN = NodeSettings.of(LOCAL_AS, ROUTER_ID, RoleConfig.POD_CIDR_ONLY);
    static final NodeSettings TRANSIT = NodeSettings.of(LOCAL_AS, ROUTER_ID, new RoleConfig(false, true));
    static final PeerInfo LOCAL = PeerInfo.local(LOCAL_AS, ROUTER_ID);
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    private OutFixtures() {
    }

    static Ipv4Address v4(String s) {
        return Ipv4Address.parse(s);
    }

    static Prefix p(String s) {
        return Prefix.parse(s);
    }

    static PeerInfo ebgpPeer(int id, String address, long asn) {
        return new PeerInfo(id, v4(address), asn, v4(address), false, false);
    }

    static PeerInfo client(int id, String address) {
        return new PeerInfo(id, v4(address), LOCAL_AS, v4(address), true, true);
    }

    static PeerInfo nonClient(int id, String address) {
        return new PeerInfo(id, v4(address), LOCAL_AS, v4(address), true, false);
    }

    /** An outbound peer with the default settings for its kind; self address 10.0.0.1 / fd00::1. */
    static OutboundPeer out(PeerInfo peer) {
        return out(peer, false, Policy.acceptAll("export"));
    }

    static OutboundPeer out(PeerInfo peer, boolean nextHopSelf, Policy policy) {
        return new OutboundPeer(peer, peer.internal() ? PeerKind.MESH : PeerKind.EXTERNAL, nextHopSelf,
                SelfNextHops.of(v4("10.0.0.1"), Ipv6Address.parse("fd00::1")), policy, SessionCapabilities.FOUR_OCTET_AS, BOTH);
    }

    /** Attributes as the RIB stores them: ORIGIN IGP, the AS path, NEXT_HOP, plus extras. */
    static PathAttributes attrs(AsPath path, PathAttribute... extra) {
        List<PathAttribute> all = new ArrayList<>(List.of(extra));
        all.add(Origin.IGP);
        all.add(path);
        all.add(new NextHop(v4("192.0.2.99")));
        return PathAttributes.of(all);
    }

    static Route route(PeerInfo from, PathAttributes attributes) {
        return new Route(from, 0, attributes, from.address());
    }
}
