package dev.podbgp.k8s.report;

import static dev.podbgp.k8s.MockCluster.await;
import static dev.podbgp.k8s.MockCluster.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.MockCluster;
import dev.podbgp.k8s.crd.BGPNodeStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusPublisherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MockCluster cluster;
    private KubernetesClient admin;
    private StatusPublisher publisher;

    @BeforeEach
    void setUp() {
        cluster = new MockCluster();
        admin = cluster.client();
        Node n = node("n1", List.of("10.244.1.0/24"), List.of("192.168.0.1"), Map.of(), Map.of());
        // What a cloud node controller leaves on a new node, next to a condition that is not ours.
        n.getStatus().setConditions(List.of(
                new NodeConditionBuilder().withType("NetworkUnavailable").withStatus("True").withReason("NoRouteCreated")
                        .withLastTransitionTime("2026-01-01T00:00:00Z").build(),
                new NodeConditionBuilder().withType("Ready").withStatus("True").withReason("KubeletReady").build()));
        admin.nodes().resource(n).create();
    }

    @AfterEach
    void tearDown() {
        if (publisher != null) {
            publisher.close();
        }
        cluster.close();
    }

    private static SessionSnapshot session(String peer, String state, long received) {
        return new SessionSnapshot(IpAddress.parse(peer), 65001, state, received, 1, Optional.empty());
    }

    private static NodeStatusSnapshot snapshot(SessionSnapshot... sessions) {
        return new NodeStatusSnapshot(List.of(sessions), List.of(Prefix.parse("10.244.1.0/24")), Optional.empty());
    }

    private Optional<BGPNodeStatus> stored() {
        return Optional.ofNullable(admin.resources(BGPNodeStatus.class).withName("n1").get());
    }

    @Test
    void statusIsWrittenWithSessionsPrefixesAndTheNodeAsOwner() {
        publisher = new StatusPublisher(cluster.client(), "n1", "default", Duration.ofMillis(100));
        publisher.publish(new NodeStatusSnapshot(List.of(session("192.0.2.1", "Established", 12),
                session("192.0.2.2", "Active", 0)), List.of(Prefix.parse("10.244.1.0/24")), Optional.of("hold timer expired")));
        await(WAIT, "the status", () -> stored().map(s -> s.getStatus() != null).orElse(false));
        BGPNodeStatus s = stored().orElseThrow();
        assertThat(s.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind() + "/" + o.getName()).isEqualTo("Node/n1"));
        assertThat(s.getStatus().sessions).extracting(x -> x.peerAddress + " " + x.state + " " + x.prefixesReceived)
                .containsExactly("192.0.2.1 Established 12", "192.0.2.2 Active 0");
        assertThat(s.getStatus().advertisedPrefixes).containsExactly("10.244.1.0/24");
        assertThat(s.getStatus().lastError).isEqualTo("hold timer expired");
        assertThat(s.getStatus().routesProgrammed).isFalse();
    }

    @Test
    void routesProgrammedSetsNetworkUnavailableFalseAndKeepsOtherConditions() {
        publisher = new StatusPublisher(cluster.client(), "n1", "default", Duration.ofMillis(100));
        publisher.routesProgrammed();
        await(WAIT, "NetworkUnavailable=False", () -> condition("NetworkUnavailable")
                .map(c -> "False".equals(c.getStatus())).orElse(false));
        NodeCondition c = condition("NetworkUnavailable").orElseThrow();
        assertThat(c.getReason()).isEqualTo(NodeConditions.REASON);
        assertThat(c.getLastTransitionTime()).isNotEqualTo("2026-01-01T00:00:00Z");
        assertThat(condition("Ready")).map(NodeCondition::getReason).contains("KubeletReady");
    }

    @Test
    void writesAreRateLimitedLatestWinsAndUnchangedReportsAreNotWritten() {
        publisher = new StatusPublisher(cluster.client(), "n1", "default", Duration.ofMillis(1000));
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            publisher.publish(snapshot(session("192.0.2.1", "Established", i)));
        }
        await(WAIT, "the latest report", () -> stored().map(s -> s.getStatus() != null
                && s.getStatus().sessions.getFirst().prefixesReceived == 49).orElse(false));
        // 50 reports within one interval: the first write, then at most one with the latest.
        assertThat(publisher.writes()).isBetween(1L, 2L);
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(5).toNanos());

        long writes = publisher.writes();
        publisher.publish(snapshot(session("192.0.2.1", "Established", 49)));
        publisher.publish(snapshot(session("192.0.2.1", "Established", 49)));
        // Well past one interval: an equal report was not written.
        sleepPastInterval();
        assertThat(publisher.writes()).isEqualTo(writes);
    }

    @Test
    void sessionUpAndDownBecomeEventsOnTheNode() {
        publisher = new StatusPublisher(cluster.client(), "n1", "default", Duration.ofMillis(50));
        publisher.publish(snapshot(session("192.0.2.1", "Active", 0)));
        await(WAIT, "first write", () -> publisher.writes() == 1);
        publisher.publish(snapshot(session("192.0.2.1", "Established", 3)));
        await(WAIT, "up event", () -> events("BGPSessionUp").size() == 1);
        publisher.publish(new NodeStatusSnapshot(List.of(new SessionSnapshot(IpAddress.parse("192.0.2.1"), 65001,
                "Idle", 0, 0, Optional.of("NOTIFICATION hold timer expired"))), List.of(), Optional.empty()));
        await(WAIT, "down event", () -> events("BGPSessionDown").size() == 1);
        assertThat(events("BGPSessionDown").getFirst().getMessage()).contains("192.0.2.1", "Idle", "hold timer expired");
        assertThat(events("BGPSessionUp").getFirst().getInvolvedObject().getName()).isEqualTo("n1");
    }

    private void sleepPastInterval() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Event> events(String reason) {
        return admin.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> reason.equals(e.getReason())).toList();
    }

    private Optional<NodeCondition> condition(String type) {
        Node n = admin.nodes().withName("n1").get();
        return n.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }
}
