package dev.podbgp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.demo.DemoNode;
import dev.podbgp.demo.DemoTopology;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.peer.SessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A program nobody here wrote drives podbgp's announcement of a service IP: ExaBGP 4.2.21's own health-check helper
 * ({@code python3 -m exabgp healthcheck}, Debian's package), run by podbgp as a process from its config, exactly as
 * ExaBGP would run it. The check passing puts the service IP into FRR with the up MED and community; the check failing
 * re-announces it with the down MED and the disabled community, as the helper asks; killing the helper withdraws its
 * route, podbgp starts it again, and the BGP session to FRR stays up throughout.
 */
@ExtendWith(LabExtension.class)
class HealthcheckProcessE2ETest {
    private static final Duration SETTLE = Duration.ofSeconds(40);
    private static final Prefix SERVICE = Prefix.parse("192.0.2.10/32");
    private static final Community UP_COMMUNITY = Community.parse("65000:100");
    private static final Community DOWN_COMMUNITY = Community.parse("65000:666");

    @Test
    void exabgpsHealthcheck_announcesWithdrawsAndChangesTheServiceIp_andSurvivesBeingKilled(Lab lab) throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        FrrPeer tor = t.tor();
        Path dir = n1.configFile().getParent();
        Path serviceUp = dir.resolve("service-up");
        Path pidFile = dir.resolve("healthcheck.pid");
        Files.writeString(n1.configFile(), withHealthcheck(n1.config().yaml(), serviceUp, pidFile));
        n1.startPodbgp();
        IpAddress node = n1.config().address();
        Await.until("the session to FRR", SETTLE, () -> tor.state(node) == SessionState.ESTABLISHED, () -> tor.vtysh("show bgp summary"));

        // No file: the helper falls to DOWN and announces the down MED (it withdraws only with --withdraw-on-down).
        awaitService(tor, 1000, DOWN_COMMUNITY);
        Files.writeString(serviceUp, "");
        awaitService(tor, 100, UP_COMMUNITY);
        Files.delete(serviceUp);
        awaitService(tor, 1000, DOWN_COMMUNITY);
        Files.writeString(serviceUp, "");
        awaitService(tor, 100, UP_COMMUNITY);

        int established = tor.neighborJson(node).path("connectionsEstablished").asInt();
        long helper = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ancestors(helper)).as("the helper runs under podbgp").contains(n1.podbgp().orElseThrow().pid());
        ProcessHandle.of(helper).orElseThrow().destroyForcibly();

        Await.until("podbgp to start the helper again", SETTLE, () -> {
            String pid = Files.exists(pidFile) ? readQuietly(pidFile) : "";
            return !pid.isEmpty() && Long.parseLong(pid) != helper && ProcessHandle.of(Long.parseLong(pid)).isPresent();
        }, () -> n1.podbgp().orElseThrow().logTail(40));
        Await.until("the daemon to log the withdrawal of the dead helper's route", SETTLE,
                () -> n1.podbgp().orElseThrow().logTail(400).lines()
                        .anyMatch(l -> l.contains("event=process-exited") && l.contains("process=web-check")
                                && l.contains("withdrawn=1")),
                () -> n1.podbgp().orElseThrow().logTail(40));
        awaitService(tor, 100, UP_COMMUNITY);
        assertThat(tor.state(node)).isEqualTo(SessionState.ESTABLISHED);
        assertThat(tor.neighborJson(node).path("connectionsEstablished").asInt())
                .as("the session never reset").isEqualTo(established);
        assertThat(n1.cli("show", "neighbors").out()).contains("Established");
    }

    /**
     * A helper that asked for neighbor changes, negotiated and updates reads them, from real sessions, in ExaBGP 4.2's
     * JSON: the session to FRR coming up, what it negotiated, the UPDATE FRR sends, the session going down.
     */
    @Test
    void aHelperReadsTheSessionEventsAndReceivedUpdates_asExabgpJson(Lab lab) throws Exception {
        DemoTopology t = DemoTopology.build(lab);
        DemoNode n1 = t.node1();
        FrrPeer tor = t.tor();
        Path events = n1.configFile().getParent().resolve("events.json");
        Files.writeString(n1.configFile(), n1.config().yaml() + """
                processes:
                  - name: listener
                    run: [/bin/sh, -c, "exec cat > %s"]
                    ack: false
                    receive: {neighborChanges: true, negotiated: true, update: true}
                """.formatted(events));
        n1.startPodbgp();
        IpAddress node = n1.config().address();
        IpAddress torAddress = n1.config().torAddress();
        tor.announce(dev.podbgp.lab.peer.Route.of("198.51.100.0/24"));

        Await.until("the helper to read the UPDATE with 198.51.100.0/24", SETTLE,
                () -> lines(events).stream().anyMatch(j -> j.path("type").asText().equals("update")
                        && j.toString().contains("\"nlri\":\"198.51.100.0/24\"")), () -> readQuietly(events));
        List<JsonNode> seen = lines(events);
        JsonNode up = seen.stream().filter(j -> j.at("/neighbor/state").asText().equals("up")).findFirst().orElseThrow();
        assertThat(up.path("exabgp").asText()).isEqualTo("4.0.1");
        assertThat(up.at("/neighbor/address/local").asText()).isEqualTo(node.toString());
        assertThat(up.at("/neighbor/address/peer").asText()).isEqualTo(torAddress.toString());
        assertThat(up.at("/neighbor/asn/local").asLong()).isEqualTo(n1.config().asn());
        assertThat(up.at("/neighbor/asn/peer").asLong()).isEqualTo(DemoTopology.TOR_AS);
        JsonNode negotiated = seen.stream().filter(j -> j.path("type").asText().equals("negotiated")).findFirst()
                .orElseThrow();
        // The smaller offer wins (RFC 4271 §4.2): both ends agree, FRR says what it is.
        int frrHold = tor.neighborJson(node).path("bgpTimerHoldTimeMsecs").asInt() / 1000;
        assertThat(frrHold).isPositive();
        assertThat(negotiated.at("/neighbor/negotiated/hold_time").asInt()).isEqualTo(frrHold);
        assertThat(negotiated.at("/neighbor/negotiated/families").toString()).contains("ipv4 unicast");
        JsonNode update = seen.stream().filter(j -> j.toString().contains("198.51.100.0/24")).findFirst().orElseThrow();
        assertThat(update.at("/neighbor/direction").asText()).isEqualTo("receive");
        assertThat(update.at("/neighbor/message/update/attribute/as-path").toString()).contains(String.valueOf(DemoTopology.TOR_AS));

        tor.shutdownNeighbor(dev.podbgp.lab.peer.Neighbor.of(torAddress, node, n1.config().asn()), "maintenance");
        Await.until("the helper to read the session going down", SETTLE,
                () -> lines(events).stream().anyMatch(j -> j.at("/neighbor/state").asText().equals("down")),
                () -> readQuietly(events));
    }

    private static List<JsonNode> lines(Path file) {
        String text = Files.exists(file) ? readQuietly(file) : "";
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(dev.podbgp.lab.Json.parse(line));
            }
        }
        return out;
    }

    private static List<Long> ancestors(long pid) {
        List<Long> out = new java.util.ArrayList<>();
        for (var p = ProcessHandle.of(pid).flatMap(ProcessHandle::parent); p.isPresent(); p = p.get().parent()) {
            out.add(p.get().pid());
        }
        return out;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void awaitService(FrrPeer tor, long med, Community community) {
        Await.until("FRR to have " + SERVICE + " with MED " + med + " and " + community, SETTLE, () -> {
            RouteAttributes a = tor.receivedRoutes().get(SERVICE);
            return a != null && a.med().equals(OptionalLong.of(med)) && a.communities().contains(community);
        }, () -> String.valueOf(tor.receivedRoutes()));
    }

    /**
     * The demo node's config, its export policy letting the service range out, and the helper as ExaBGP's docs run
     * it; {@code --no-ip-setup}: the lab does not need the IP on lo, and the helper must not touch the host's.
     */
    static String withHealthcheck(String yaml, Path serviceUp, Path pidFile) {
        String services = """
                      - name: services
                        match:
                          prefixes: ["192.0.2.0/24 le 32"]
                        then: accept
                """;
        String withPolicy = yaml.replace("      - name: pods\n", services + "      - name: pods\n");
        assertThat(withPolicy).isNotEqualTo(yaml);
        List<String> run = List.of("/usr/bin/python3", "-m", "exabgp", "healthcheck", "--name", "web-check",
                "--cmd", "test -f " + serviceUp, "--ip", SERVICE.toString(), "--no-ip-setup", "--no-syslog",
                "--interval", "1", "--fast-interval", "1", "--rise", "2", "--fall", "2",
                "--up-metric", "100", "--down-metric", "1000",
                "--community", UP_COMMUNITY.toString(), "--disabled-community", DOWN_COMMUNITY.toString(),
                "--pid", pidFile.toString());
        return withPolicy + "processes:\n  - name: web-check\n    run: "
                + run.stream().map(w -> "\"" + w + "\"").toList() + "\n";
    }
}
