package dev.podbgp.daemon.cni;

import static dev.podbgp.daemon.cni.TestNamespaces.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forwarding and our nftables table, in a namespace of the test's own (never the host). */
class HostNetworkingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PodbgpNftTable DUAL = new PodbgpNftTable(
            List.of(Prefix.parse("10.240.0.0/16"), Prefix.parse("fd00:240::/48")));

    @Test
    void apply_forwardingOn_tableWithSetsAndChains_idempotent_cleanupLeavesOtherTables() throws Exception {
        try (TestNamespaces nss = new TestNamespaces()) {
            TargetNamespace.Named node = nss.add("node");
            in(node, "nft", "add", "table", "inet", "other").orThrow();
            in(node, "nft", "add", "chain", "inet", "other", "keep").orThrow();
            HostNetworking host = new HostNetworking(node);

            host.apply(DUAL);
            host.apply(DUAL);

            assertThat(host.sysctlValue("net.ipv4.ip_forward")).isEqualTo("1");
            assertThat(host.sysctlValue("net.ipv6.conf.all.forwarding")).isEqualTo("1");
            JsonNode t = JSON.readTree(in(node, "nft", "-j", "list", "table", "inet", "podbgp").orThrow());
            assertThat(objects(t, "set")).extracting(s -> s.get("name").asText() + " " + s.get("elem").toString())
                    .containsExactly("cluster4 [{\"prefix\":{\"addr\":\"10.240.0.0\",\"len\":16}}]",
                            "cluster6 [{\"prefix\":{\"addr\":\"fd00:240::\",\"len\":48}}]");
            assertThat(objects(t, "chain")).extracting(c -> c.get("name").asText() + " " + c.get("type").asText() + " "
                    + c.get("hook").asText()).containsExactly("forward filter forward", "postrouting nat postrouting");
            // applied twice, present once: the script replaces the table instead of appending
            List<JsonNode> rules = objects(t, "rule");
            assertThat(rules).hasSize(6);
            assertThat(rules.stream().filter(r -> r.get("expr").toString().contains("\"masquerade\""))).hasSize(2);
            assertThat(rules.stream().filter(r -> r.get("expr").toString().contains("\"accept\""))).hasSize(4);

            host.cleanup();
            assertThat(in(node, "nft", "list", "table", "inet", "podbgp").ok()).isFalse();
            assertThat(in(node, "nft", "list", "chain", "inet", "other", "keep").ok()).isTrue();
            host.cleanup(); // nothing left to remove is not an error
        }
    }

    @Test
    void ipv4OnlyCluster_leavesIpv6ForwardingAlone() throws Exception {
        try (TestNamespaces nss = new TestNamespaces()) {
            TargetNamespace.Named node = nss.add("node");
            in(node, "sysctl", "-q", "-w", "net.ipv6.conf.all.forwarding=0").orThrow();
            HostNetworking host = new HostNetworking(node);

            host.apply(new PodbgpNftTable(List.of(Prefix.parse("10.240.0.0/16"))));

            assertThat(host.sysctlValue("net.ipv4.ip_forward")).isEqualTo("1");
            assertThat(host.sysctlValue("net.ipv6.conf.all.forwarding")).isEqualTo("0");
            host.cleanup();
        }
    }

    private static List<JsonNode> objects(JsonNode listing, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : listing.path("nftables")) {
            if (n.has(kind)) {
                out.add(n.get(kind));
            }
        }
        return out;
    }
}
