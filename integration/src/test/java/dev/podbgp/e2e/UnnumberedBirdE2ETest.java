package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.UnnumberedTopology;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.bird.UnnumberedBird;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * podbgp's {@code peers[].interface} against BIRD 2.0.12 (docs/unnumbered.md): BIRD's router
 * advertisements tell podbgp where BIRD is, podbgp connects to BIRD's dynamic link-local BGP, and
 * IPv4 routes cross both ways over IPv6 link-local next hops (RFC 8950) into both kernels.
 */
@ExtendWith(LabExtension.class)
class UnnumberedBirdE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(45);
    private static final Prefix BIRD_PREFIX = Prefix.parse("10.98.0.0/24");

    @Test
    void podbgpFindsBirdByItsAdvertisements_andBothInstallIpv4OverLinkLocal(Lab lab) {
        Node router = lab.node("bird");
        router.enableForwarding();
        Node n = lab.node("node1");
        List<String> link = lab.bareLink(router, n);
        UnnumberedBird bird = UnnumberedBird.start(router, 65000, Ipv4Address.parse("10.255.0.200"), link.get(0),
                List.of(BIRD_PREFIX));
        DemoNode node = UnnumberedTopology.node(lab, n, 1, link.get(1), false);
        node.startPodbgp();

        Await.until("BIRD's dynamic session to be established", SETTLE, bird::established,
                () -> bird.birdc("show protocols all") + "\n" + node.podbgp().map(p -> p.logTail(40)).orElse(""));
        String ours = UnnumberedFrrE2ETest.linkLocal(n, link.get(1));
        String theirs = UnnumberedFrrE2ETest.linkLocal(router, link.get(0));
        Prefix cidr = node.config().podCidrs().getFirst();
        Await.until("BIRD's kernel to route " + cidr + " via our link-local", SETTLE,
                () -> router.exec("ip", "route", "show", cidr.toString()).orThrow().contains("via inet6 " + ours + " dev " + link.get(0)),
                () -> bird.birdc("show route all") + "\n" + router.exec("ip", "route").orThrow());
        Await.until("node1's kernel to get " + BIRD_PREFIX, SETTLE, () -> node.kernelHasRoute(BIRD_PREFIX),
                () -> node.kernelRoutes() + node.podbgp().map(p -> p.logTail(40)).orElse(""));
        assertThat(node.kernelRoutes()).contains(BIRD_PREFIX + " via inet6 " + theirs + " dev " + link.get(1));
    }
}
