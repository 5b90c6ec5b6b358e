package dev.podbgp.daemon.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.fib.link.InterfaceAddresses;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteOwner;
import dev.podbgp.fib.writer.FibConfig;
import dev.podbgp.fib.writer.FibListener;
import dev.podbgp.fib.writer.FibWriter;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RIB, FibBridge and the FIB writer together against a real kernel (issue 15): IPv6 routes from two directly
 * connected peers that sent global and link-local next hops are installed via the link-local addresses on the
 * sessions' interfaces, alone and as ECMP over nexthop objects, and every next-hop change reaches the kernel.
 */
class FibBridgeKernelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RouteOwner OWNER = new RouteOwner(RouteOwner.PODBGP_PROTOCOL, 100, 20);
    private static final Prefix P = Prefix.parse("2001:db8:77::/64");
    private static final PathAttributes ATTRS = PathAttributes.of(Origin.IGP, AsPath.ofSequence(64512));
    private static final long LOCAL_AS = 65000;

    private final String namespace = "pbt-fbr-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
    private final List<String> changes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private FibWriter fib;

    private final PeerInfo tor1 = peer(1, "fd00:77:1::2");
    private final PeerInfo tor2 = peer(2, "fd00:77:2::2");

    private static PeerInfo peer(int id, String address) {
        return new PeerInfo(id, IpAddress.parse(address), 64512, Ipv4Address.parse("10.0.0." + id), false, false);
    }

    @BeforeEach
    void namespace() throws Exception {
        ip("netns", "add", namespace);
        ip("-n", namespace, "link", "set", "lo", "up");
        for (int i = 1; i <= 2; i++) {
            ip("-n", namespace, "link", "add", "eth" + i, "type", "veth", "peer", "name", "peer" + i);
            ip("-n", namespace, "link", "set", "peer" + i, "up");
            ip("-n", namespace, "link", "set", "eth" + i, "up");
            ip("-n", namespace, "-6", "addr", "add", "fd00:77:" + i + "::1/64", "dev", "eth" + i, "nodad");
        }
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (fib != null) {
                fib.close();
            }
        } finally {
            ip("netns", "del", namespace);
        }
    }

    private static String ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed: " + out);
        }
        return out;
    }

    private JsonNode json(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("-n", namespace, "-j"));
        cmd.addAll(List.of(args));
        String out = ip(cmd.toArray(String[]::new)).strip();
        return JSON.readTree(out.isEmpty() ? "[]" : out);
    }

    private JsonNode route() throws Exception {
        JsonNode routes = json("-6", "route", "show", "table", "100", "proto", "" + OWNER.protocol());
        assertThat(routes).hasSize(1);
        return routes.get(0);
    }

    /** "gateway dev" of each member of nexthop group {@code id}. */
    private List<String> members(int id) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode m : json("nexthop", "show", "id", "" + id).get(0).get("group")) {
            JsonNode member = json("nexthop", "show", "id", m.get("id").asText()).get(0);
            out.add(member.get("gateway").asText() + " " + member.get("dev").asText());
        }
        return out;
    }

    private Rib rib(SessionInterfaces interfaces) throws IOException {
        NetworkNamespace ns = NetworkNamespace.named(namespace);
        fib = FibWriter.open(ns, OWNER, FibConfig.defaults(), new FibListener() {
            @Override
            public void onFailure(Prefix prefix, int errno, String reason, int attempt) {
                failures.add(prefix + " " + errno + " " + reason);
            }

            @Override
            public void onNextHopChanged(Prefix prefix, NextHop from, NextHop to) {
                changes.add(prefix + ": " + from + " -> " + to);
            }
        });
        fib.start();
        Rib rib = new Rib(Ipv4Address.parse("10.255.0.1"), BestPathOptions.defaults(LOCAL_AS).withMaxPaths(4));
        rib.addListener(new FibBridge(fib, interfaces));
        rib.addPeer(tor1, PeerImport.acceptAll(tor1, LOCAL_AS));
        rib.addPeer(tor2, PeerImport.acceptAll(tor2, LOCAL_AS));
        return rib;
    }

    private void written() throws InterruptedException {
        assertThat(fib.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(fib.failure()).isNull();
    }

    @Test
    void linkLocalNextHopsAreInstalledOnTheSessionsInterfacesAndFollowEveryChange() throws Exception {
        NetworkNamespace ns = NetworkNamespace.named(namespace);
        SessionInterfaces interfaces = new SessionInterfaces(local -> InterfaceAddresses.owning(ns, local));
        interfaces.established(1, new InetSocketAddress(InetAddress.getByName("fd00:77:1::1"), 179),
                InetAddress.getByName("fd00:77:1::2"));
        interfaces.established(2, new InetSocketAddress(InetAddress.getByName("fd00:77:2::1"), 40179),
                InetAddress.getByName("fd00:77:2::2"));
        Rib rib = rib(interfaces);

        rib.announce(tor1, P, 0, ATTRS, tor1.address(), Ipv6Address.parse("fe80::1:2"));
        written();
        assertThat(route().get("gateway").asText()).isEqualTo("fe80::1:2");
        assertThat(route().get("dev").asText()).isEqualTo("eth1");

        // ECMP over both links: nexthop objects, each member on its own interface.
        rib.announce(tor2, P, 0, ATTRS, tor2.address(), Ipv6Address.parse("fe80::2:2"));
        written();
        int group = route().get("nhid").asInt();
        assertThat(members(group)).containsExactlyInAnyOrder("fe80::1:2 eth1", "fe80::2:2 eth2");

        // tor1's next hop changes while tor2's stays: the set changes, the kernel follows.
        rib.announce(tor1, P, 0, ATTRS, tor1.address(), Ipv6Address.parse("fe80::1:3"));
        written();
        int second = route().get("nhid").asInt();
        assertThat(second).isNotEqualTo(group);
        assertThat(members(second)).containsExactlyInAnyOrder("fe80::1:3 eth1", "fe80::2:2 eth2");

        // tor2 goes: one path again, through tor1's new link-local next hop.
        rib.peerDown(tor2);
        written();
        assertThat(route().get("gateway").asText()).isEqualTo("fe80::1:3");
        assertThat(route().get("dev").asText()).isEqualTo("eth1");

        assertThat(changes).hasSize(3);
        assertThat(failures).isEmpty();
    }

    @Test
    void aMultihopPeersRoutesKeepTheirGlobalNextHop() throws Exception {
        ip("-n", namespace, "-6", "route", "add", "fd00:99::/64", "via", "fd00:77:1::2", "dev", "eth1");
        NetworkNamespace ns = NetworkNamespace.named(namespace);
        SessionInterfaces interfaces = new SessionInterfaces(local -> InterfaceAddresses.owning(ns, local));
        // A session from eth1's address to an address beyond the link.
        interfaces.established(1, new InetSocketAddress(InetAddress.getByName("fd00:77:1::1"), 179),
                InetAddress.getByName("fd00:99::2"));
        Rib rib = rib(interfaces);
        rib.announce(tor1, P, 0, ATTRS, IpAddress.parse("fd00:77:1::2"), Ipv6Address.parse("fe80::1:2"));
        written();
        assertThat(route().get("gateway").asText()).isEqualTo("fd00:77:1::2");
        assertThat(failures).isEmpty();
    }
}
