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
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.peer.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A helper's {@code neighbor IP} selector is applied as ExaBGP applies it (issue 18): podbgp peers with FRR and BIRD,
 * and a shell-script helper announces one service IP to FRR only and another to both with a MED of each peer's own.
 * FRR learns the first and BIRD does not; each router sees its own MED; the helper's withdrawal for FRR removes the
 * route from FRR, and the sessions never reset.
 */
@ExtendWith(LabExtension.class)
class NeighborSelectorProcessE2ETest {

    private static final Duration UP = Duration.ofSeconds(45);
    private static final Prefix ONLY_FRR = Prefix.parse("192.0.2.1/32");
    private static final Prefix PER_PEER = Prefix.parse("192.0.2.2/32");

    @Test
    void aRouteAnnouncedToOneNeighbourReachesThatPeerOnly_andItsWithdrawalOnlyThatPeer(Lab lab) throws Exception {
        Node pod = lab.node("pod");
        Node frrNode = lab.node("frr");
        Node birdNode = lab.node("bird");
        Lan lan = lab.lan(List.of(pod, frrNode, birdNode));
        IpAddress podAddress = lan.address(pod, IPV4);
        IpAddress frrAddress = lan.address(frrNode, IPV4);
        IpAddress birdAddress = lan.address(birdNode, IPV4);

        Path dir = lab.workDir().resolve("selector-helper");
        Files.createDirectories(dir);
        Path acks = dir.resolve("acks");
        Path withdrawNow = dir.resolve("withdraw-now");
        Path helper = dir.resolve("helper.sh");
        Files.writeString(helper, """
                #!/bin/sh
                say() { echo "$1"; read ack; echo "$ack" >> "%1$s"; }
                say "neighbor %3$s announce route %5$s next-hop self med 10"
                say "neighbor %3$s announce route %6$s next-hop self med 10"
                say "neighbor %4$s announce route %6$s next-hop self med 20"
                while [ ! -f "%2$s" ]; do sleep 0.2; done
                say "neighbor %3$s withdraw route %5$s"
                exec sleep 600
                """.formatted(acks, withdrawNow, frrAddress, birdAddress, ONLY_FRR, PER_PEER));

        PodbgpProcess podbgp = PodbgpProcess.start(pod, """
                node: {name: pod, routerId: %1$s, asn: 65000, podCidrs: [10.240.1.0/24], clusterPodCidrs: [10.240.0.0/16]}
                listen: {address: %1$s}
                peers:
                  - {address: %2$s, asn: 65001, localAddress: %1$s, exportPolicy: services,
                     timers: {holdTime: 9, keepalive: 3, connectRetry: 1}}
                  - {address: %3$s, asn: 65002, localAddress: %1$s, exportPolicy: services,
                     timers: {holdTime: 9, keepalive: 3, connectRetry: 1}}
                policies:
                  services:
                    default: reject
                    rules:
                      - name: services
                        match:
                          prefixes: ["192.0.2.0/24 le 32"]
                        then: accept
                processes:
                  - name: selector-helper
                    run: [/bin/sh, %4$s]
                metrics: {enabled: false}
                cni: {confDir: %%DIR%%/cni, mtu: 1500}
                controlSocket: %%SOCKET%%
                """.formatted(podAddress, frrAddress, birdAddress, helper));

        FrrPeer frr = FrrPeer.start(frrNode, PeerConfig.of(frrAddress.toString(), 65001)
                .neighbor(Neighbor.of(frrAddress, podAddress, 65000)));
        BirdPeer bird = BirdPeer.start(birdNode, PeerConfig.of(birdAddress.toString(), 65002)
                .neighbor(Neighbor.of(birdAddress, podAddress, 65000)));
        Await.until("FRR and BIRD established with podbgp", UP,
                () -> frr.state(podAddress) == SessionState.ESTABLISHED
                        && bird.state(podAddress) == SessionState.ESTABLISHED,
                () -> podbgp.cli("show", "neighbors"));

        Await.until("FRR to learn both service IPs and BIRD the one announced to it", UP,
                () -> med(frr.receivedRoutes(), PER_PEER) == 10 && frr.receivedRoutes().containsKey(ONLY_FRR)
                        && med(bird.receivedRoutes(), PER_PEER) == 20,
                () -> "FRR " + frr.receivedRoutes() + "\nBIRD " + bird.receivedRoutes() + "\n"
                        + podbgp.cli("show", "routes"));
        assertThat(lines(acks)).containsExactly("done", "done", "done");
        // BIRD is sent nothing the helper did not name it for; its session is up, so that is not a timing matter.
        Thread.sleep(2_000);
        assertThat(bird.receivedRoutes()).doesNotContainKey(ONLY_FRR);
        String routes = podbgp.cli("show", "routes", "192.0.2.0/24");
        System.out.println(routes);
        assertThat(routes).contains(" To").contains(frrAddress.toString()).contains(birdAddress.toString());
        assertThat(podbgp.kernelRoutes()).doesNotContain("192.0.2.");

        long frrSessions = frr.neighborJson(podAddress).path("connectionsEstablished").asLong();
        Files.writeString(withdrawNow, "");
        Await.until("FRR to lose " + ONLY_FRR, UP, () -> !frr.receivedRoutes().containsKey(ONLY_FRR),
                () -> "FRR " + frr.receivedRoutes());
        assertThat(lines(acks)).containsExactly("done", "done", "done", "done");
        assertThat(med(frr.receivedRoutes(), PER_PEER)).isEqualTo(10);
        assertThat(med(bird.receivedRoutes(), PER_PEER)).isEqualTo(20);
        assertThat(bird.receivedRoutes()).doesNotContainKey(ONLY_FRR);
        assertThat(frr.neighborJson(podAddress).path("connectionsEstablished").asLong())
                .as("the FRR session never reset").isEqualTo(frrSessions);
        assertThat(bird.state(podAddress)).isEqualTo(SessionState.ESTABLISHED);
    }

    /** The route's MED at the router, -1 while it has none or no route. */
    private static long med(Map<Prefix, RouteAttributes> routes, Prefix prefix) {
        RouteAttributes a = routes.get(prefix);
        return a == null ? -1 : a.med().orElse(-1);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
