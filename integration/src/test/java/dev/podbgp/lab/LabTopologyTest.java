package dev.podbgp.lab;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.frr.FrrBackend;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** LANs, moving a node into another process's namespace (the container backend's step), MD5 mismatch. */
@ExtendWith(LabExtension.class)
class LabTopologyTest {
    private static final Duration UP = Duration.ofSeconds(30);

    @Test
    void threeNodesOnALanPeerThroughTheSwitchNamespace(Lab lab) {
        Node a = lab.node("a");
        Node b = lab.node("b");
        Node c = lab.node("c");
        Lan lan = lab.lan(List.of(a, b, c));
        IpAddress a4 = lan.address(a, IPV4);
        IpAddress b4 = lan.address(b, IPV4);
        IpAddress c4 = lan.address(c, IPV4);
        assertThat(List.of(a4, b4, c4)).map(Object::toString).containsExactly("10.78.1.1", "10.78.1.2", "10.78.1.3");
        BirdPeer hub = BirdPeer.start(a, PeerConfig.of(a4.toString(), 65001)
                .neighbor(Neighbor.of(a4, b4, 65002)).neighbor(Neighbor.of(a4, c4, 65003)));
        BirdPeer.start(b, PeerConfig.of(b4.toString(), 65002).neighbor(Neighbor.of(b4, a4, 65001)));
        BirdPeer.start(c, PeerConfig.of(c4.toString(), 65003).neighbor(Neighbor.of(c4, a4, 65001)));
        hub.awaitEstablished(UP);
    }

    /**
     * What {@code ContainerFrr} does after {@code docker run --network none}: the node's links
     * move into the container's namespace. Here an {@code unshare --net} process stands in for
     * the container; FRR then runs in that namespace and peers with BIRD over the moved link.
     */
    @Test
    void aNodeMovedIntoAnotherProcessNamespaceKeepsItsLinksAndAddresses(Lab lab) throws Exception {
        Node a = lab.node("moved");
        Node b = lab.node("bird");
        Link l = lab.link(a, b);
        Process holder = new ProcessBuilder("unshare", "--net", "sleep", "300").start();
        lab.onClose("kill namespace holder", () -> holder.destroyForcibly());
        Await.until("unshare to exec sleep", Duration.ofSeconds(5),
                () -> ProcessHandle.of(holder.pid()).flatMap(h -> h.info().command()).orElse("").endsWith("sleep"),
                () -> "");
        String holderNs = Shell.check("readlink", "/proc/" + holder.pid() + "/ns/net").trim();

        a.moveInto(holder.pid());

        assertThat(Shell.run(a.inside(List.of("readlink", "/proc/self/ns/net"))).orThrow().trim()).isEqualTo(holderNs);
        assertThat(Shell.check("ip", "-n", a.name(), "-br", "addr", "show", "dev", l.aInterface()))
                .contains("10.77.1.1/24", "fd00:77:1::1/64", "UP");
        IpAddress a4 = l.address(a, IPV4);
        IpAddress b4 = l.address(b, IPV4);
        FrrPeer frr = FrrPeer.start(a, PeerConfig.of(a4.toString(), 65001).neighbor(Neighbor.of(a4, b4, 65002)),
                FrrBackend.NAMESPACE);
        BirdPeer.start(b, PeerConfig.of(b4.toString(), 65002).neighbor(Neighbor.of(b4, a4, 65001)));
        frr.awaitEstablished(UP);
        holder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    void rfc2385_mismatchedMd5PasswordsNeverEstablish(Lab lab) {
        Node a = lab.node("frr");
        Node b = lab.node("bird");
        Link l = lab.link(a, b);
        IpAddress a4 = l.address(a, IPV4);
        IpAddress b4 = l.address(b, IPV4);
        FrrPeer frr = FrrPeer.start(a, PeerConfig.of(a4.toString(), 65001)
                .neighbor(Neighbor.of(a4, b4, 65002).password("right")), FrrBackend.NAMESPACE);
        BirdPeer bird = BirdPeer.start(b, PeerConfig.of(b4.toString(), 65002)
                .neighbor(Neighbor.of(b4, a4, 65001).password("wrong")));
        // Both retry every second; 6 s is several connect attempts in each direction.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (System.nanoTime() < end) {
            assertThat(frr.state(b4)).isNotEqualTo(SessionState.ESTABLISHED);
            assertThat(bird.state(a4)).isNotEqualTo(SessionState.ESTABLISHED);
            Await.sleep(250);
        }
        assertThat(Json.parse(frr.vtysh("show bgp neighbors " + b4 + " json")).path(b4.toString())
                .path("authenticationEnabled").asInt()).isEqualTo(1);
    }
}
