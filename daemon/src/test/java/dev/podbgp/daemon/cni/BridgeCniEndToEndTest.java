package dev.podbgp.daemon.cni;

import static dev.podbgp.daemon.cni.TestNamespaces.in;
import static dev.podbgp.daemon.cni.TestNamespaces.sh;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.daemon.json.JsonArray;
import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonParser;
import dev.podbgp.inet.Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bridge, host-local and portmap plugins (containernetworking-plugins), run with the
 * conflist podbgp writes, attach two pods to a node; all in namespaces of the test.
 *
 * <pre>
 *  pod1 (eth0) ─┐                         ┌── "out": 10.99.0.2, and 10.240.9.1 on lo
 *               cni0 ── node ── eth0 ─────┤   (a pod of another node, routed like BGP would)
 *  pod2 (eth0) ─┘   10.240.1.1   10.99.0.1 └── mtu 1400
 * </pre>
 */
class BridgeCniEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Prefix> NODE_CIDRS = List.of(Prefix.parse("10.240.1.0/24"), Prefix.parse("fd00:240:1::/64"));
    private static final PodbgpNftTable CLUSTER = new PodbgpNftTable(
            List.of(Prefix.parse("10.240.0.0/16"), Prefix.parse("fd00:240::/48")));
    private static final int PORT = 7070;

    @TempDir
    Path tmp;

    @Test
    void twoPodsOnTheBridge_reachEachOtherAndTheGateway_masqueradeOnlyLeavingTheCluster() throws Exception {
        try (TestNamespaces nss = new TestNamespaces()) {
            Site site = site(nss);
            TargetNamespace.Named node = site.node();
            TargetNamespace.Named out = site.out();
            TargetNamespace.Named pod1 = nss.add("pod1");
            TargetNamespace.Named pod2 = nss.add("pod2");

            // the bridge MTU follows the uplink: the default route's device has 1400
            int mtu = UplinkMtu.of(node, Optional.empty());
            assertThat(mtu).isEqualTo(1400);
            assertThat(UplinkMtu.of(node, Optional.of("lo"))).isEqualTo(65536);

            CniConflist conflist = CniConflist.of(NODE_CIDRS, mtu).withIpamDataDir(tmp.resolve("ipam"));
            CniConfigWriter writer = new CniConfigWriter(tmp.resolve("net.d"));
            writer.write(conflist);
            // the runtime reads the file, not our object
            JsonObject onDisk = JsonParser.parseObject(Files.readString(writer.file()));

            CniRunner runner = new CniRunner(node);
            CniRunner.Attachment a1 = CniRunner.Attachment.of("pbt-c1", Path.of("/var/run/netns", pod1.name()));
            CniRunner.Attachment a2 = CniRunner.Attachment.of("pbt-c2", Path.of("/var/run/netns", pod2.name()));
            List<Runnable> detach = new ArrayList<>();
            try {
                CniRunner.Result r1 = runner.add(onDisk, a1);
                detach.add(() -> runner.del(onDisk, a1, Optional.of(r1)));
                CniRunner.Result r2 = runner.add(onDisk, a2);
                detach.add(() -> runner.del(onDisk, a2, Optional.of(r2)));

                // host-local hands out the first free address after the gateway, per range set
                assertThat(r1.addresses()).extracting(Object::toString).containsExactly("10.240.1.2", "fd00:240:1::2");
                assertThat(r2.addresses()).extracting(Object::toString).containsExactly("10.240.1.3", "fd00:240:1::3");
                assertThat(link(node, "cni0").get("mtu").asInt()).isEqualTo(1400);
                assertThat(addresses(node, "cni0")).contains("10.240.1.1/24", "fd00:240:1::1/64");
                assertThat(link(pod1, "eth0").get("mtu").asInt()).isEqualTo(1400);
                assertThat(in(pod1, "ip", "-4", "route", "show", "default").orThrow()).contains("via 10.240.1.1");
                assertThat(in(pod1, "ip", "-6", "route", "show", "default").orThrow()).contains("via fd00:240:1::1");

                // on-node connectivity is the bridge's alone: no forwarding, no podbgp table yet
                assertThat(InNamespace.pingWithin(pod1, "10.240.1.3", Duration.ofSeconds(5))).isTrue();
                assertThat(InNamespace.pingWithin(pod2, "10.240.1.2", Duration.ofSeconds(5))).isTrue();
                assertThat(InNamespace.pingWithin(pod1, "10.240.1.1", Duration.ofSeconds(5))).isTrue();
                assertThat(InNamespace.pingWithin(pod1, "fd00:240:1::3", Duration.ofSeconds(10))).isTrue();
                assertThat(InNamespace.pingWithin(pod2, "fd00:240:1::1", Duration.ofSeconds(10))).isTrue();
                try (var server = new InNamespace.SourceEchoServer(pod2, PORT)) {
                    assertThat(InNamespace.tcp(pod1, "10.240.1.3", PORT)).isEqualTo("10.240.1.2");
                }

                HostNetworking host = new HostNetworking(node);
                host.apply(CLUSTER);
                try (var server = new InNamespace.SourceEchoServer(out, PORT)) {
                    // leaving the cluster pod CIDRs: the far side sees the node's address
                    assertThat(InNamespace.tcp(pod1, "10.99.0.2", PORT)).isEqualTo("10.99.0.1");
                    // to a pod of another node: routed, source kept
                    assertThat(InNamespace.tcp(pod1, "10.240.9.1", PORT)).isEqualTo("10.240.1.2");
                }
                host.cleanup();
                try (var server = new InNamespace.SourceEchoServer(out, PORT)) {
                    // forwarding stays on after cleanup, but nothing masquerades any more
                    assertThat(InNamespace.tcp(pod1, "10.99.0.2", PORT)).isEqualTo("10.240.1.2");
                }
            } finally {
                for (Runnable d : detach.reversed()) {
                    d.run();
                }
            }
            // DEL undid ADD: the pod's interface is gone and host-local released both leases
            assertThat(in(pod1, "ip", "link", "show", "eth0").ok()).isFalse();
            try (Stream<Path> leases = Files.list(tmp.resolve("ipam").resolve(CniConflist.DEFAULT_NETWORK_NAME))) {
                assertThat(leases.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.startsWith("10.240.1.") || n.startsWith("fd00:240:1::"));
            }
        }
    }

    @Test
    void portmapCapability_hostPortReachesThePod() throws Exception {
        try (TestNamespaces nss = new TestNamespaces()) {
            Site site = site(nss);
            TargetNamespace.Named node = site.node();
            TargetNamespace.Named pod1 = nss.add("pod1");
            CniConflist conflist = CniConflist.of(NODE_CIDRS, 1400).withIpamDataDir(tmp.resolve("ipam"));
            new HostNetworking(node).apply(CLUSTER);
            CniRunner runner = new CniRunner(node);
            // what a runtime passes for a pod with hostPort 8080 -> containerPort 7070
            CniRunner.Attachment a = new CniRunner.Attachment("pbt-c1", Path.of("/var/run/netns", pod1.name()), "eth0",
                    java.util.Map.of("portMappings", JsonArray.of(JsonObject.builder()
                            .put("hostPort", 8080).put("containerPort", PORT).put("protocol", "tcp").build())));
            CniRunner.Result r = runner.add(conflist, a);
            assertThat(in(node, "iptables", "-t", "nat", "-S").orThrow()).contains("--dport 8080");
            try (var server = new InNamespace.SourceEchoServer(pod1, PORT)) {
                // portmap got runtimeConfig.portMappings and DNATs the node's port to the pod
                assertThat(InNamespace.tcp(site.out(), "10.99.0.1", 8080)).isEqualTo("10.99.0.2");
            } finally {
                runner.del(conflist, a, Optional.of(r));
            }
            // DEL (with runtimeConfig again) removed the mapping and the pod's interface
            assertThat(in(node, "iptables", "-t", "nat", "-S").orThrow()).doesNotContain("--dport 8080");
            assertThat(in(pod1, "ip", "link", "show", "eth0").ok()).isFalse();
        }
    }

    /** A node and the network outside it. */
    private record Site(TargetNamespace.Named node, TargetNamespace.Named out) {}

    /** node eth0 (mtu 1400, default route) ⟷ out eth0; out also holds a "remote pod" on lo. */
    private static Site site(TestNamespaces nss) {
        TargetNamespace.Named node = nss.add("node");
        TargetNamespace.Named out = nss.add("out");
        nss.veth(node, "eth0", out, "eth0");
        sh("ip", "-n", node.name(), "link", "set", "eth0", "mtu", "1400");
        sh("ip", "-n", out.name(), "link", "set", "eth0", "mtu", "1400");
        sh("ip", "-n", node.name(), "addr", "add", "10.99.0.1/24", "dev", "eth0");
        sh("ip", "-n", out.name(), "addr", "add", "10.99.0.2/24", "dev", "eth0");
        sh("ip", "-n", node.name(), "route", "add", "default", "via", "10.99.0.2");
        // on lo: this kernel has no dummy interfaces, and a /32 on lo is as good a local address
        sh("ip", "-n", out.name(), "addr", "add", "10.240.9.1/32", "dev", "lo");
        // what BGP would install on each side
        sh("ip", "-n", out.name(), "route", "add", "10.240.1.0/24", "via", "10.99.0.1");
        sh("ip", "-n", node.name(), "route", "add", "10.240.9.0/24", "via", "10.99.0.2");
        return new Site(node, out);
    }

    private static JsonNode link(TargetNamespace ns, String dev) throws Exception {
        return JSON.readTree(in(ns, "ip", "-j", "link", "show", "dev", dev).orThrow()).get(0);
    }

    private static List<String> addresses(TargetNamespace ns, String dev) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode a : JSON.readTree(in(ns, "ip", "-j", "addr", "show", "dev", dev).orThrow()).get(0).path("addr_info")) {
            out.add(a.get("local").asText() + "/" + a.get("prefixlen").asInt());
        }
        return out;
    }
}
