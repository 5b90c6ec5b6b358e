package dev.podbgp.e2e;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Lan;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.frr.FrrNeighborReset;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dynamic neighbours (issue 15) against real routers: podbgp has no configured peer, only the LAN as a listen range
 * with an AS range and an MD5 key. FRR and BIRD, each with a {@code neighbor} pointing at podbgp, peer into it; a
 * third router in an AS outside the range is refused with Bad Peer AS. A router that leaves takes its session, its
 * routes and its entry in {@code show neighbors} with it.
 */
@ExtendWith(LabExtension.class)
class DynamicPeersE2ETest {

    private static final Duration UP = Duration.ofSeconds(45);
    private static final String KEY = "range-md5-key";

    @Test
    void routersPeerIntoAListenRange_andLeaveWithTheirRoutes(Lab lab) {
        Node pod = lab.node("pod");
        Node frrNode = lab.node("frr");
        Node birdNode = lab.node("bird");
        Node outsider = lab.node("frrout");
        Lan lan = lab.lan(List.of(pod, frrNode, birdNode, outsider));
        IpAddress podAddress = lan.address(pod, IPV4);
        PodbgpProcess podbgp = PodbgpProcess.start(pod, """
                node: {name: pod, routerId: %s, asn: 65000, podCidrs: [10.240.1.0/24], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: %s}
                dynamicPeers:
                  - range: 10.78.1.0/24
                    peerAs: "65001-65010"
                    password: %s
                    timers: {holdTime: 9, keepalive: 3}
                metrics: {enabled: false}
                cni: {confDir: %%DIR%%/cni, mtu: 1500}
                controlSocket: %%SOCKET%%
                """.formatted(podAddress, podAddress, KEY));

        FrrPeer frr = FrrPeer.start(frrNode, PeerConfig.of(lan.address(frrNode, IPV4).toString(), 65001)
                .neighbor(Neighbor.of(lan.address(frrNode, IPV4), podAddress, 65000).password(KEY))
                .route(Route.of("10.1.0.0/24")));
        BirdPeer bird = BirdPeer.start(birdNode, PeerConfig.of(lan.address(birdNode, IPV4).toString(), 65002)
                .neighbor(Neighbor.of(lan.address(birdNode, IPV4), podAddress, 65000).password(KEY))
                .route(Route.of("10.2.0.0/24")));
        FrrPeer wrongAs = FrrPeer.start(outsider, PeerConfig.of(lan.address(outsider, IPV4).toString(), 65020)
                .neighbor(Neighbor.of(lan.address(outsider, IPV4), podAddress, 65000).password(KEY)));

        Await.until("FRR and BIRD established with podbgp", UP,
                () -> frr.state(podAddress) == SessionState.ESTABLISHED && bird.state(podAddress) == SessionState.ESTABLISHED,
                () -> podbgp.cli("show", "neighbors"));
        Await.until("both routers' routes in podbgp's kernel", UP,
                () -> podbgp.kernelRoutes().contains("10.1.0.0/24") && podbgp.kernelRoutes().contains("10.2.0.0/24"),
                podbgp::kernelRoutes);
        Await.until("podbgp's podCIDR at FRR", UP, () -> frr.receivedRoutes().containsKey(Prefix.parse("10.240.1.0/24")),
                () -> frr.receivedRoutes().toString());
        String neighbors = podbgp.cli("show", "neighbors");
        System.out.println(neighbors);
        assertThat(neighbors.lines().filter(l -> l.contains("10.78.1.0/24") && l.contains("Established"))).hasSize(2);
        assertThat(neighbors).contains("Dynamic").contains("65001").contains("65002");
        assertThat(podbgp.cli("show", "config")).contains("  - range: 10.78.1.0/24\n    peerAs: 65001-65010\n")
                .contains("    password: set\n");

        // RFC 4271 §6.2: an AS the range does not admit is Bad Peer AS (2/2), and no peer is left of it.
        FrrNeighborReset[] reset = new FrrNeighborReset[1];
        Await.until("the outsider told Bad Peer AS", UP, () -> (reset[0] = wrongAs.lastReset(podAddress))
                .errorCodeSubcode().equals("0202"), () -> String.valueOf(reset[0]));
        assertThat(podbgp.cli("show", "neighbors")).doesNotContain(lan.address(outsider, IPV4) + " ");

        bird.stop();
        Await.until("BIRD's route and entry gone from podbgp", UP,
                () -> !podbgp.kernelRoutes().contains("10.2.0.0/24")
                        && !podbgp.cli("show", "neighbors").contains(lan.address(birdNode, IPV4) + " "),
                () -> podbgp.cli("show", "neighbors") + podbgp.kernelRoutes());
        assertThat(podbgp.kernelRoutes()).contains("10.1.0.0/24");
        assertThat(frr.state(podAddress)).isEqualTo(SessionState.ESTABLISHED);
    }
}
