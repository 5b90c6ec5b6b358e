package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.podbgp.OriginatedRoute;
import dev.podbgp.lab.podbgp.PodbgpNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** podbgp against FRR 8.4 in network namespaces. */
@ExtendWith(LabExtension.class)
class FrrInteropTest {

    static final Duration UP = Duration.ofSeconds(30);
    static final Duration ROUTE = Duration.ofSeconds(15);
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    static SessionConfig session(long localAs, long peerAs) {
        SessionConfig c = SessionConfig.of(localAs, peerAs, Ipv4Address.parse("192.0.2.1"), BOTH);
        return new SessionConfig(c.localAs(), c.peerAs(), c.localId(), 9, 3, Duration.ofSeconds(2),
                c.restartBackoff(), false, c.capabilities(), c.required());
    }

    @Test
    void ebgpOverIpv4WithFourOctetAsCarriesBothFamiliesBothWays(Lab lab) throws Exception {
        Node pod = lab.node("pod");
        Node tor = lab.node("frr");
        Link link = lab.link(pod, tor);
        IpAddress pod4 = link.address(pod, IPV4);
        IpAddress frr4 = link.address(tor, IPV4);
        IpAddress pod6 = link.address(pod, IPV6);

        FrrPeer frr = FrrPeer.start(tor, dev.podbgp.lab.peer.PeerConfig.of(frr4.toString(), 65010)
                .neighbor(Neighbor.of(frr4, pod4, 4200000001L).families(IPV4, IPV6))
                .route(Route.of("10.250.0.0/24").communities("65010:1").med(20))
                .route(Route.of("fd00:250::/64")));
        PodbgpNode podbgp = PodbgpNode.start(pod,
                new InetSocketAddress(InetAddress.getByAddress(pod4.toBytes()), 179));
        podbgp.announce(OriginatedRoute.of("10.240.1.0/24").med(5).communities("65000:100"));
        podbgp.announce(OriginatedRoute.of("fd00:10:240:1::/64"));
        podbgp.addPeer(PeerConfig.of(InetAddress.getByAddress(frr4.toBytes()), session(4200000001L, 65010))
                .withLocalAddress(InetAddress.getByAddress(pod4.toBytes())), pod4, pod6);

        podbgp.awaitEstablished(frr4, UP);
        frr.awaitEstablished(UP);
        // FRR learns ours with the attributes we sent.
        RouteAttributes v4 = frr.awaitRoute(Prefix.parse("10.240.1.0/24"), ROUTE);
        assertThat(v4.asPath()).containsExactly(4200000001L);
        assertThat(v4.med()).hasValue(5);
        assertThat(frr.awaitRoute(Prefix.parse("fd00:10:240:1::/64"), ROUTE)).isNotNull();
        // We learn FRR's.
        podbgp.awaitRoute(frr4, Prefix.parse("10.250.0.0/24"), ROUTE);
        podbgp.awaitRoute(frr4, Prefix.parse("fd00:250::/64"), ROUTE);
        var got = podbgp.receivedFrom(frr4).get(Prefix.parse("10.250.0.0/24"));
        assertThat(got.nextHop()).isEqualTo(frr4);
        assertThat(got.attributes().asPath()).isEqualTo(AsPath.ofSequence(65010));
        podbgp.await(() -> podbgp.endOfRibFrom(frr4).containsAll(BOTH), ROUTE, "End-of-RIB from FRR for both families");

        // Withdrawals both ways.
        podbgp.withdraw(Prefix.parse("10.240.1.0/24"));
        frr.awaitNoRoute(Prefix.parse("10.240.1.0/24"), ROUTE);
        frr.withdraw(Prefix.parse("10.250.0.0/24"));
        podbgp.awaitNoRoute(frr4, Prefix.parse("10.250.0.0/24"), ROUTE);
    }
}
