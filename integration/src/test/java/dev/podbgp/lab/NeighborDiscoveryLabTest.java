package dev.podbgp.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.nd.LinkNeighbor;
import dev.podbgp.nd.NeighborDiscovery;
import dev.podbgp.nd.NeighborListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The neighbor-discovery module on a real link: two namespaces joined by a veth pair with only
 * link-local addresses, one {@link NeighborDiscovery} in each. Each hears the other's router
 * advertisements through its raw ICMPv6 socket (hop limit 255 read from the control message), at the
 * right interface index; and a kernel that accepts advertisements takes no default route from ours,
 * since they say lifetime 0.
 */
@ExtendWith(LabExtension.class)
class NeighborDiscoveryLabTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private record Heard(List<LinkNeighbor> neighbors, List<String> problems) implements NeighborListener {
        Heard() {
            this(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        @Override
        public void heard(LinkNeighbor neighbor) {
            neighbors.add(neighbor);
        }

        @Override
        public void unavailable(String interfaceName, String reason) {
            problems.add(interfaceName + ": " + reason);
        }
    }

    @Test
    void eachSideHearsTheOther_atItsLinkLocalAndInterface_andGetsNoDefaultRoute(Lab lab) {
        Node a = lab.node("a");
        Node b = lab.node("b");
        List<String> link = lab.bareLink(a, b);
        // b's kernel takes default routes from advertisements (not forwarding, accept_ra 1): the lifetime check.
        b.exec("sysctl", "-q", "-w", "net.ipv6.conf." + link.get(1) + ".accept_ra=1").orThrow();
        Heard atA = new Heard();
        Heard atB = new Heard();
        try (NeighborDiscovery ndA = NeighborDiscovery.start(link.get(0), atA, Duration.ofSeconds(4), threads(a));
             NeighborDiscovery ndB = NeighborDiscovery.start(link.get(1), atB, Duration.ofSeconds(4), threads(b))) {
            Ipv6Address aAddress = linkLocal(a, link.get(0));
            Ipv6Address bAddress = linkLocal(b, link.get(1));
            Await.until("a to hear b", SETTLE, () -> atA.neighbors().stream().anyMatch(n -> n.address().equals(bAddress)),
                    () -> atA.toString());
            Await.until("b to hear a", SETTLE, () -> atB.neighbors().stream().anyMatch(n -> n.address().equals(aAddress)),
                    () -> atB.toString());
            assertThat(atA.neighbors()).allSatisfy(n -> {
                assertThat(n.address()).isEqualTo(bAddress);
                assertThat(n.ifindex()).isEqualTo(ifindex(a, link.get(0)));
                assertThat(n.interfaceName()).isEqualTo(link.get(0));
            });
            // Multicast loopback is off: a never hears itself.
            assertThat(atA.neighbors()).noneMatch(n -> n.address().equals(aAddress));
            assertThat(atA.problems()).isEmpty();
            assertThat(b.exec("ip", "-6", "route", "show", "default").orThrow()).as("b's default routes").isBlank();
        }
    }

    private static java.util.concurrent.ThreadFactory threads(Node n) {
        return NetworkNamespace.named(n.name()).threadFactory(Thread.ofPlatform().factory());
    }

    private static Ipv6Address linkLocal(Node node, String ifName) {
        String out = node.exec("ip", "-6", "-o", "addr", "show", "dev", ifName, "scope", "link").orThrow();
        for (String word : out.split("\\s+")) {
            if (word.startsWith("fe80:")) {
                return Ipv6Address.parse(word.substring(0, word.indexOf('/')));
            }
        }
        throw new AssertionError("no link-local address on " + ifName + " in " + node + ": " + out);
    }

    private static int ifindex(Node node, String ifName) {
        String out = node.exec("ip", "-o", "link", "show", "dev", ifName).orThrow();
        return Integer.parseInt(out.substring(0, out.indexOf(':')).strip());
    }
}
