package dev.podbgp.e2e;

import static dev.podbgp.inet.AddressFamily.IPV6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.demo.PodbgpCommand;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.SessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 against real FRR: a router directly connected over two links, with an IPv6 session on each, announces
 * one prefix with global and link-local next hops (MP_REACH next hop of 32 octets, as FRR sends to a peer on a shared
 * link). podbgp installs it through FRR's link-local addresses on its own interfaces: as ECMP over both links
 * (nexthop objects, each member with its interface), then, when one session goes, through the other link alone. The
 * change is a replace in the kernel (no deletion of the route in between), logged and counted.
 */
@ExtendWith(LabExtension.class)
class LinkLocalNextHopE2ETest {

    private static final Duration UP = Duration.ofSeconds(45);
    private static final Prefix ROUTER_PREFIX = Prefix.parse("fd00:250::/64");

    @Test
    void aRouteFromARouterOnTheLinkGoesViaItsLinkLocalAddressOnOurInterface(Lab lab) throws Exception {
        Node pod = lab.node("pod");
        Node router = lab.node("frr");
        Link l = lab.link(pod, router);
        Neighbor n = Neighbor.of(l.address(router, IPV6), l.address(pod, IPV6), 65001).families(IPV6);
        FrrPeer frr = FrrPeer.start(router, PeerConfig.of("10.77.1.2", 65002).neighbor(n)
                .route(Route.of(ROUTER_PREFIX.toString())));
        LabProcess podbgp = startPodbgp(lab, pod, List.of(l));
        String ll = linkLocal(router, interfaceOf(l, router));
        String dev = interfaceOf(l, pod);
        frr.awaitEstablished(UP);
        Await.until(ROUTER_PREFIX + " via " + ll + " dev " + dev, UP,
                () -> routes(pod).contains(ROUTER_PREFIX + " via " + ll + " dev " + dev + " "),
                () -> routes(pod) + "\n" + podbgp.logTail(30));
        System.out.println("one link:\n" + routes(pod));
        // Packets take it: an address of the prefix on the router's loopback answers through the link-local route.
        router.exec("ip", "-6", "addr", "add", "fd00:250::1/128", "dev", "lo").orThrow();
        assertThat(pod.exec("ping", "-6", "-c", "2", "-W", "2", "fd00:250::1").ok()).as("ping via the link-local route").isTrue();
        assertThat(Files.readString(podbgp.logFile())).contains("event=session-interface peer=" + l.address(router, IPV6))
                .contains("directly-connected=true").doesNotContain("event=fib-failure");
    }

    @Test
    void routesFromADirectlyConnectedRouterGoViaItsLinkLocalAddressesAndFollowAPathThatGoes(Lab lab) throws Exception {
        Node pod = lab.node("pod");
        Node router = lab.node("frr");
        Link l1 = lab.link(pod, router);
        Link l2 = lab.link(pod, router);
        Neighbor n1 = Neighbor.of(l1.address(router, IPV6), l1.address(pod, IPV6), 65001).families(IPV6);
        Neighbor n2 = Neighbor.of(l2.address(router, IPV6), l2.address(pod, IPV6), 65001).families(IPV6);
        FrrPeer frr = FrrPeer.start(router, PeerConfig.of("10.77.1.2", 65002).neighbor(n1).neighbor(n2)
                .route(Route.of(ROUTER_PREFIX.toString())));
        LabProcess podbgp = startPodbgp(lab, pod, List.of(l1, l2));
        Supplier<String> diagnostics = () -> routes(pod) + "\n" + nexthops(pod) + "\n" + podbgp.logTail(30);

        String ll1 = linkLocal(router, interfaceOf(l1, router));
        String ll2 = linkLocal(router, interfaceOf(l2, router));
        String dev1 = interfaceOf(l1, pod);
        String dev2 = interfaceOf(l2, pod);
        frr.awaitEstablished(UP);
        Await.until("both sessions up", UP, () -> frr.state(n1.address()) == SessionState.ESTABLISHED
                && frr.state(n2.address()) == SessionState.ESTABLISHED, diagnostics);

        // ECMP over both links: a nexthop group whose members are FRR's link-local addresses on our interfaces.
        Await.until(ROUTER_PREFIX + " as ECMP via both link-local next hops", UP,
                () -> routes(pod).contains(ROUTER_PREFIX + " nhid ")
                        && nexthops(pod).contains("via " + ll1 + " dev " + dev1)
                        && nexthops(pod).contains("via " + ll2 + " dev " + dev2), diagnostics);
        System.out.println("ECMP over two link-local next hops:\n" + routes(pod) + nexthops(pod));

        LabProcess monitor = pod.start("ip-monitor", List.of("ip", "-6", "monitor", "route"));
        Thread.sleep(300);
        frr.shutdownNeighbor(n2, "one path goes");
        Await.until(ROUTER_PREFIX + " via " + ll1 + " dev " + dev1 + " alone", UP,
                () -> routes(pod).contains(ROUTER_PREFIX + " via " + ll1 + " dev " + dev1 + " "), diagnostics);
        Thread.sleep(300);
        String events = monitor.logTail(200);
        monitor.stop();
        System.out.println("after one session went:\n" + routes(pod) + "ip monitor:\n" + events);
        assertThat(events).as("the route was replaced, never deleted and added again")
                .doesNotContain("Deleted " + ROUTER_PREFIX);
        String log = Files.readString(podbgp.logFile());
        assertThat(log).contains("event=fib-nexthop-changed prefix=" + ROUTER_PREFIX)
                .contains("to=\"via " + ll1 + " dev#");
        assertThat(log).doesNotContain("event=fib-failure").doesNotContain("fib-writer-failed");
    }

    private static String routes(Node n) {
        return n.exec("ip", "-6", "route", "show", "proto", "244").orThrow();
    }

    private static String nexthops(Node n) {
        return n.exec("ip", "nexthop", "show").orThrow();
    }

    private static String interfaceOf(Link l, Node n) {
        return l.a() == n ? l.aInterface() : l.bInterface();
    }

    /** The kernel-made fe80:: address of {@code dev} (the one FRR puts beside the global next hop). */
    private static String linkLocal(Node n, String dev) {
        Supplier<String> show = () -> n.exec("ip", "-6", "-o", "addr", "show", "dev", dev, "scope", "link").orThrow();
        Await.until("a link-local address on " + dev, Duration.ofSeconds(10), () -> show.get().contains("fe80::"), show);
        String line = show.get().lines().filter(s -> s.contains("fe80::")).findFirst().orElseThrow();
        String cidr = line.substring(line.indexOf("inet6 ") + 6).split(" ")[0];
        return IpAddress.parse(cidr.substring(0, cidr.indexOf('/'))).toString();
    }

    /** podbgp in {@code pod}, an IPv6 session to the router over each of {@code links}, FIB in the node's main table. */
    private static LabProcess startPodbgp(Lab lab, Node pod, List<Link> links) throws Exception {
        Path dir = lab.workDir().resolve("pod-podbgp");
        Files.createDirectories(dir.resolve("cni"));
        StringBuilder y = new StringBuilder();
        y.append("node: {name: pod, routerId: 10.77.1.1, asn: 65001, podCidrs: [\"10.240.1.0/24\"],"
                + " clusterPodCidrs: [\"10.240.0.0/16\"]}\n");
        y.append("listen: {address: \"::\", port: 179}\n");
        y.append("peers:\n");
        for (Link l : links) {
            y.append("  - address: \"").append(l.peerAddress(pod, IPV6)).append("\"\n");
            y.append("    asn: 65002\n");
            y.append("    localAddress: \"").append(l.address(pod, IPV6)).append("\"\n");
            y.append("    families: [\"ipv6 unicast\"]\n");
            y.append("    timers: {holdTime: 9, keepalive: 3, connectRetry: 1}\n");
        }
        y.append("cni: {confDir: ").append(dir.resolve("cni")).append(", bridgeName: cni0, mtu: auto}\n");
        y.append("controlSocket: ").append(dir.resolve("podbgp.sock")).append('\n');
        y.append("metrics: {enabled: false}\n");
        y.append("logging: {format: keyValue, level: info}\n");
        Path config = dir.resolve("podbgp.yaml");
        Files.writeString(config, y);
        LabProcess p = pod.start("podbgp", PodbgpCommand.run(config));
        Await.until("podbgp on " + pod.label() + " to open its control socket", UP, () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("podbgp exited:\n" + p.logTail(30));
            }
            return Files.exists(dir.resolve("podbgp.sock"));
        }, () -> p.logTail(30));
        return p;
    }
}
