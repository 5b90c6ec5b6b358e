package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.frr.FrrBackend;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.gobgp.GobgpPeer;
import dev.podbgp.lab.peer.Peer;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.RouteAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: a dual-stack podbgp node (IPv4 and IPv6 on its uplink, a podCIDR of each family) peers over ONE IPv4
 * session, and each of FRR, BIRD and GoBGP learns the IPv6 podCIDR with a next hop it can use: the node's global
 * IPv6 address on the link, followed by its link-local one (RFC 2545 §3, a 32-octet next hop), as the peer shows.
 */
@ExtendWith(LabExtension.class)
class DualStackNextHopE2ETest {
    private static final Duration UP = Duration.ofSeconds(45);
    private static final long PEER_AS = 65000;
    private static final Prefix POD4 = Prefix.parse("10.240.1.0/24");
    private static final Prefix POD6 = Prefix.parse("fd00:10:240:1::/64");
    private static final Pattern LINK_LOCAL = Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64");

    /**
     * A peer daemon on the router's node, and how it shows the link-local next hop of a route: empty for GoBGP,
     * whose CLI (3.10, {@code -j} as well as text) renders MP_REACH_NLRI with its global next hop only.
     */
    record Daemon(String name, BiFunction<Node, PeerConfig, Peer> start,
            Optional<BiFunction<Peer, Prefix, String>> nextHopView) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> daemons() {
        return Stream.of(
                Arguments.of(new Daemon("frr", (n, c) -> FrrPeer.start(n, c, FrrBackend.NAMESPACE),
                        Optional.of((p, prefix) -> ((FrrPeer) p).vtysh("show bgp ipv6 unicast " + prefix + " json")))),
                Arguments.of(new Daemon("bird", BirdPeer::start,
                        Optional.of((p, prefix) -> ((BirdPeer) p).birdc("show route for " + prefix + " all")))),
                Arguments.of(new Daemon("gobgp", GobgpPeer::start, Optional.empty())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("daemons")
    void rfc2545_s3_theIpv6PodCidrGoesOverTheIpv4SessionWithGlobalAndLinkLocalNextHops(Daemon daemon, Lab lab) {
        Node torNode = lab.node("tor");
        Node n1 = lab.node("node1");
        Link uplink = lab.link(torNode, n1);
        DemoNode node = DemoTopology.uplinkedNode(lab, n1, uplink, 65001, PEER_AS, List.of(POD4, POD6),
                List.of(DemoTopology.CLUSTER, DemoTopology.CLUSTER6));
        IpAddress tor4 = uplink.address(torNode, AddressFamily.IPV4);
        Peer peer = daemon.start().apply(torNode, PeerConfig.of(tor4.toString(), PEER_AS)
                .neighbor(DemoTopology.towards(tor4, node)));
        node.startPodbgp();
        peer.awaitEstablished(UP);

        IpAddress global = uplink.address(n1, AddressFamily.IPV6);
        String linkLocal = linkLocal(n1, uplink.bInterface());
        assertThat(peer.awaitRoute(POD4, UP).nextHop()).isEqualTo(uplink.address(n1, AddressFamily.IPV4));
        RouteAttributes v6 = peer.awaitRoute(POD6, UP);
        assertThat(v6.nextHop()).as("the global next hop of the IPv6 podCIDR").isEqualTo(global);
        daemon.nextHopView().ifPresent(view -> Await.until(daemon + " to show our link-local next hop " + linkLocal, UP,
                () -> view.apply(peer, POD6).contains(linkLocal), () -> view.apply(peer, POD6)));
        assertThat(node.cli("show", "neighbors").out()).contains(global + "," + linkLocal);
    }

    /** The kernel's link-local address of {@code device} in {@code node}. */
    static String linkLocal(Node node, String device) {
        String out = node.exec("ip", "-6", "addr", "show", "dev", device, "scope", "link").orThrow();
        Matcher m = LINK_LOCAL.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no link-local address on " + device + " in " + node + ":\n" + out);
        }
        return m.group(1);
    }
}
