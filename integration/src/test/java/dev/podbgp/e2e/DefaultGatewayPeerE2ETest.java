package dev.podbgp.e2e;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code defaultGatewayPeer} (issue 15): a node with two uplinks, to two FRR routers of one AS, and a default route
 * through the first. podbgp names no peer, only "the default gateway": it peers with the first router; when the
 * default route is moved to the second router, the first one's session ends and the second one's starts, and the
 * routes in the node's kernel follow.
 */
@ExtendWith(LabExtension.class)
class DefaultGatewayPeerE2ETest {

    private static final Duration UP = Duration.ofSeconds(60);

    @Test
    void podbgpPeersWithTheDefaultGateway_andFollowsItToAnotherRouter(Lab lab) {
        Node pod = lab.node("pod");
        Node r1 = lab.node("r1");
        Node r2 = lab.node("r2");
        Link up1 = lab.link(pod, r1);
        Link up2 = lab.link(pod, r2);
        IpAddress pod1 = up1.address(pod, IPV4);
        IpAddress pod2 = up2.address(pod, IPV4);
        IpAddress gw1 = up1.address(r1, IPV4);
        IpAddress gw2 = up2.address(r2, IPV4);
        pod.exec("ip", "route", "replace", "default", "via", gw1.toString()).orThrow();

        FrrPeer frr1 = FrrPeer.start(r1, PeerConfig.of(gw1.toString(), 65100)
                .neighbor(Neighbor.of(gw1, pod1, 65000)).route(Route.of("10.1.0.0/24")));
        FrrPeer frr2 = FrrPeer.start(r2, PeerConfig.of(gw2.toString(), 65100)
                .neighbor(Neighbor.of(gw2, pod2, 65000)).route(Route.of("10.2.0.0/24")));
        PodbgpProcess podbgp = PodbgpProcess.start(pod, """
                node: {name: pod, routerId: %s, asn: 65000, podCidrs: [10.240.1.0/24], clusterPodCidrs: [10.240.0.0/16]}
                defaultGatewayPeer:
                  asn: 65100
                  timers: {holdTime: 9, keepalive: 3, connectRetry: 1}
                metrics: {enabled: false}
                cni: {confDir: %%DIR%%/cni, mtu: 1500}
                controlSocket: %%SOCKET%%
                """.formatted(pod1));

        Await.until("the session with the first router", UP, () -> frr1.state(pod1) == SessionState.ESTABLISHED,
                () -> podbgp.cli("show", "neighbors"));
        Await.until("the first router's route in the node's kernel", UP, () -> podbgp.kernelRoutes().contains("10.1.0.0/24"),
                podbgp::kernelRoutes);
        assertThat(podbgp.cli("show", "neighbors")).contains(gw1 + " ").doesNotContain(gw2 + " ");
        assertThat(podbgp.cli("show", "config")).contains("  - address: " + gw1 + "\n    asn: 65100\n")
                .contains("defaultGatewayPeer: ipv4 asn 65100");

        long moved = System.nanoTime();
        pod.exec("ip", "route", "replace", "default", "via", gw2.toString()).orThrow();
        Await.until("the session with the second router", UP, () -> frr2.state(pod2) == SessionState.ESTABLISHED,
                () -> podbgp.cli("show", "neighbors"));
        Await.until("the routes following the gateway", UP, () -> podbgp.kernelRoutes().contains("10.2.0.0/24")
                && !podbgp.kernelRoutes().contains("10.1.0.0/24"), podbgp::kernelRoutes);
        String neighbors = podbgp.cli("show", "neighbors");
        System.out.printf("default route moved to %s: its session Established %d ms later%n%s%n", gw2,
                (System.nanoTime() - moved) / 1_000_000, neighbors);
        assertThat(neighbors).contains(gw2 + " ").doesNotContain(gw1 + " ");
        assertThat(frr1.state(pod1)).isNotEqualTo(SessionState.ESTABLISHED);
        assertThat(frr1.lastReset(pod1).errorCodeSubcode()).as("Cease / Peer De-configured").isEqualTo("0603");
    }
}
