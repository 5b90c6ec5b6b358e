package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.demo.NodeConfig;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.frr.FrrPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Route aggregation towards the router (RFC 4271 §9.2.2.2) in the demo's network: FRR learns the configured
 * aggregate from the podbgp nodes with the attributes the RFC asks for, without the podCIDRs when summary-only, and
 * loses it when the last route inside it goes; the aggregate never reaches a node's kernel.
 */
@ExtendWith(LabExtension.class)
class AggregateE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Prefix POD1 = Prefix.parse("10.240.1.0/24");
    private static final Prefix POD2 = Prefix.parse("10.240.2.0/24");

    @Test
    void summaryOnlyOnBothNodes_routerLearnsTheClusterAggregateFromEachAndNoPodCidr(Lab lab) {
        DemoTopology t = DemoTopology.build(lab);
        t.nodes().forEach(DemoNode::startPodbgp);
        FrrPeer tor = t.tor();
        tor.awaitRoute(POD1, SETTLE);
        tor.awaitRoute(POD2, SETTLE);

        Prefix cluster = DemoTopology.CLUSTER;
        for (DemoNode n : t.nodes()) {
            writeConfig(n, n.config(), "aggregates:\n  - {prefix: " + cluster + ", summaryOnly: true}\n");
            reload(n);
        }
        Await.until("the router to hold " + cluster + " from both nodes and no podCIDR", SETTLE,
                () -> paths(tor, cluster).size() == 2 && !tor.receivedRoutes().containsKey(POD1)
                        && !tor.receivedRoutes().containsKey(POD2),
                () -> tor.vtysh("show bgp ipv4 unicast"));
        List<JsonNode> paths = paths(tor, cluster);
        List<String> aggregators = new ArrayList<>();
        for (JsonNode p : paths) {
            // RFC 4271 §5.1.7: the node's AS and router id; RFC 9774: no AS_SET, only the node's own AS.
            aggregators.add(p.path("aggregatorAs").asLong() + ":" + p.path("aggregatorId").asText());
            assertThat(p.path("aspath").path("string").asText()).isIn("65001", "65002");
            assertThat(p.path("origin").asText()).isEqualToIgnoringCase("IGP");
        }
        assertThat(aggregators).containsExactlyInAnyOrder(
                "65001:" + t.node1().config().address(), "65002:" + t.node2().config().address());
        for (DemoNode n : t.nodes()) {
            assertThat(n.kernelHasRoute(cluster)).as("%s's kernel holds the aggregate", n).isFalse();
        }
    }

    @Test
    void aggregateGoesWithItsLastContributor_aLearnedOneCountsAndItsPathSetsAtomicAggregate(Lab lab) {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        DemoNode n2 = t.node2();
        // Both podCIDRs are inside; node 2 announces its own podCIDR as usual.
        Prefix aggregate = Prefix.parse("10.240.0.0/22");
        String aggregates = "aggregates:\n  - prefix: " + aggregate + "\n";
        writeConfig(n1, n1.config(), aggregates);
        t.nodes().forEach(DemoNode::startPodbgp);
        FrrPeer tor = t.tor();
        tor.awaitRoute(POD1, SETTLE);
        tor.awaitRoute(POD2, SETTLE);

        // Node 1 learned node 2's podCIDR through the router (path 65000 65002): a contributor whose path the
        // aggregate does not carry, so ATOMIC_AGGREGATE (RFC 4271 §5.1.6).
        Await.until("the router to hold " + aggregate + " with ATOMIC_AGGREGATE", SETTLE,
                () -> paths(tor, aggregate).stream().anyMatch(p -> p.path("atomicAggregate").asBoolean(false)),
                () -> tor.vtysh("show bgp ipv4 unicast " + aggregate));
        JsonNode path = paths(tor, aggregate).getFirst();
        assertThat(path.path("aggregatorAs").asLong()).isEqualTo(65001);
        assertThat(path.path("aspath").path("string").asText()).isEqualTo("65001");
        assertThat(n1.kernelHasRoute(aggregate)).isFalse();

        n2.stopPodbgp();
        Await.until("ATOMIC_AGGREGATE to go with node 2's podCIDR, the aggregate kept for node 1's", SETTLE,
                () -> !tor.receivedRoutes().containsKey(POD2) && paths(tor, aggregate).size() == 1
                        && !paths(tor, aggregate).getFirst().path("atomicAggregate").asBoolean(false),
                () -> tor.vtysh("show bgp ipv4 unicast " + aggregate));

        // The last contributor goes: node 1's podCIDR moves outside the aggregate.
        Prefix moved = Prefix.parse("10.240.11.0/24");
        writeConfig(n1, n1.config().withPodCidrs(List.of(moved)), aggregates);
        reload(n1);
        tor.awaitRoute(moved, SETTLE);
        Await.until("the router to lose " + aggregate + " and " + POD1, SETTLE,
                () -> !tor.receivedRoutes().containsKey(aggregate) && !tor.receivedRoutes().containsKey(POD1),
                () -> tor.vtysh("show bgp ipv4 unicast"));
    }

    /** FRR's paths for {@code p}, empty when it has none. */
    private static List<JsonNode> paths(FrrPeer tor, Prefix p) {
        List<JsonNode> out = new ArrayList<>();
        Json.parse(tor.vtysh("show bgp ipv4 unicast " + p + " json")).path("paths").forEach(out::add);
        return out;
    }

    /** The node's config with {@code extra} top-level YAML after it, saved atomically as an editor would. */
    private static void writeConfig(DemoNode n, NodeConfig c, String extra) {
        n.writeConfig(c);
        try {
            Path tmp = n.configFile().resolveSibling("podbgp.yaml.aggr");
            Files.writeString(tmp, c.yaml() + extra);
            Files.move(tmp, n.configFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reload(DemoNode n) {
        DemoNode.CliResult r = n.cli("reload");
        assertThat(r.exitCode()).as("podbgp reload: %s %s", r.out(), r.err()).isZero();
    }
}
