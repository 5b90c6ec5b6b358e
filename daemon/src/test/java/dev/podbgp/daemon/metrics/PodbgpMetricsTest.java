package dev.podbgp.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.SessionState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodbgpMetricsTest {
    private static final String PEER = "192.0.2.1";

    @Test
    void everyMetricTheIssueNames_isExposedWithItsType() {
        PodbgpMetrics m = new PodbgpMetrics();
        m.sessionState(PEER, SessionState.ESTABLISHED);
        m.sessionFlap(PEER);
        m.bfdState(PEER, true);
        m.bfdFlap(PEER);
        m.prefixes(PEER, "ipv4 unicast", 12, 10, 2);
        m.updateReceived(PEER);
        m.updateReceived(PEER);
        m.updateSent(PEER);
        m.ribPrefixes("loc-rib", "ipv4 unicast", 11);
        m.fibRoutes("ipv4 unicast", 9);
        m.serviceRoutes("ipv6 unicast", 2);
        m.fibError("replace");
        m.fibNextHopChanges("ipv6 unicast", 1);
        m.changeToKernel(Duration.ofMillis(3));
        m.processStarted("web-check");
        m.processCommand("web-check", true);
        m.processCommand("web-check", false);
        m.processCommand("web-check", false);
        m.processEventDropped("web-check");
        Exposition e = Exposition.parse(PrometheusText.write(m.registry()));
        assertThat(e.type()).containsExactly(
                Map.entry("podbgp_session_state", "gauge"),
                Map.entry("podbgp_session_flaps_total", "counter"),
                Map.entry("podbgp_bfd_session_up", "gauge"),
                Map.entry("podbgp_bfd_flaps_total", "counter"),
                Map.entry("podbgp_prefixes_received", "gauge"),
                Map.entry("podbgp_prefixes_accepted", "gauge"),
                Map.entry("podbgp_prefixes_advertised", "gauge"),
                Map.entry("podbgp_updates_received_total", "counter"),
                Map.entry("podbgp_updates_sent_total", "counter"),
                Map.entry("podbgp_rib_prefixes", "gauge"),
                Map.entry("podbgp_fib_routes", "gauge"),
                Map.entry("podbgp_service_routes", "gauge"),
                Map.entry("podbgp_fib_errors_total", "counter"),
                Map.entry("podbgp_fib_nexthop_changes_total", "counter"),
                Map.entry("podbgp_fib_change_to_kernel_seconds", "histogram"),
                Map.entry("podbgp_process_starts_total", "counter"),
                Map.entry("podbgp_process_commands_total", "counter"),
                Map.entry("podbgp_process_events_dropped_total", "counter"));
        assertThat(e.value("podbgp_process_commands_total", Map.of("process", "web-check", "result", "error")))
                .contains(2.0);
        assertThat(e.value("podbgp_process_starts_total", Map.of("process", "web-check"))).contains(1.0);
        assertThat(e.value("podbgp_service_routes", Map.of("family", "ipv6 unicast"))).contains(2.0);
        var fam = Map.of("peer", PEER, "family", "ipv4 unicast");
        assertThat(e.value("podbgp_prefixes_received", fam)).contains(12.0);
        assertThat(e.value("podbgp_prefixes_accepted", fam)).contains(10.0);
        assertThat(e.value("podbgp_prefixes_advertised", fam)).contains(2.0);
        assertThat(e.value("podbgp_updates_received_total", Map.of("peer", PEER))).contains(2.0);
        assertThat(e.value("podbgp_bfd_session_up", Map.of("peer", PEER))).contains(1.0);
        assertThat(e.value("podbgp_bfd_flaps_total", Map.of("peer", PEER))).contains(1.0);
        assertThat(e.value("podbgp_fib_errors_total", Map.of("operation", "replace"))).contains(1.0);
        assertThat(e.value("podbgp_fib_nexthop_changes_total", Map.of("family", "ipv6 unicast"))).contains(1.0);
        assertThat(e.value("podbgp_fib_change_to_kernel_seconds_bucket", Map.of("le", "0.0025"))).contains(0.0);
        assertThat(e.value("podbgp_fib_change_to_kernel_seconds_bucket", Map.of("le", "0.005"))).contains(1.0);
    }

    /** RFC 4273 bgpPeerState numbering, which BGP dashboards already know. */
    @Test
    void rfc4273_bgpPeerState_numbering() {
        PodbgpMetrics m = new PodbgpMetrics();
        int expected = 1;
        for (SessionState s : new SessionState[] {SessionState.IDLE, SessionState.CONNECT, SessionState.ACTIVE,
                SessionState.OPEN_SENT, SessionState.OPEN_CONFIRM, SessionState.ESTABLISHED}) {
            m.sessionState(PEER, s);
            Exposition e = Exposition.parse(PrometheusText.write(m.registry()));
            assertThat(e.value("podbgp_session_state", Map.of("peer", PEER))).as(s.name()).contains((double) expected++);
        }
    }

    @Test
    void removedPeer_disappearsFromEveryPerPeerMetric() {
        PodbgpMetrics m = new PodbgpMetrics();
        m.sessionState(PEER, SessionState.ESTABLISHED);
        m.sessionState("192.0.2.2", SessionState.IDLE);
        m.prefixes(PEER, "ipv4 unicast", 1, 1, 1);
        m.prefixes(PEER, "ipv6 unicast", 1, 1, 1);
        m.updateSent(PEER);
        m.sessionFlap(PEER);
        m.bfdState(PEER, false);
        m.bfdFlap(PEER);
        m.removePeer(PEER);
        Exposition e = Exposition.parse(PrometheusText.write(m.registry()));
        assertThat(e.samples()).noneMatch(s -> PEER.equals(s.labels().get("peer")));
        assertThat(e.value("podbgp_session_state", Map.of("peer", "192.0.2.2"))).contains(1.0);
    }

    @Test
    void servedOverHttp_atMetrics_withTheFormatsContentType() throws Exception {
        PodbgpMetrics m = new PodbgpMetrics();
        m.fibRoutes("ipv4 unicast", 3);
        try (MetricsServer server = MetricsServer.start(new java.net.InetSocketAddress("127.0.0.1", 0), m.registry());
                HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(Exposition.parse(ok.body()).value("podbgp_fib_routes", Map.of("family", "ipv4 unicast"))).contains(3.0);
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }
}
