package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static dev.podbgp.interop.Interop.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.interop.PodbgpPair.Ases;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.frr.FrrBackend;
import dev.podbgp.lab.frr.FrrNeighborReset;
import dev.podbgp.lab.frr.FrrPeer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FRR 8.4: {@code show bgp neighbors json} shows what it saw of us, message counters and the last
 * reset. Two kinds, one per {@link FrrBackend}: the same package in a lab namespace and in a
 * container, so every scenario runs against both fixtures.
 */
record FrrInterop(FrrPeer daemon, IpAddress pod) implements InteropPeer {

    static final Kind NAMESPACE = kind("FRR 8.4 (namespace)", "frr", FrrBackend.NAMESPACE);
    static final Kind CONTAINER = kind("FRR 8.4 (container)", "frrc", FrrBackend.CONTAINER);

    private static Kind kind(String name, String label, FrrBackend backend) {
        return new Kind(name, label, new Ases(Interop.AS4, 65010), EnumSet.allOf(Feature.class),
                (pair, transport, ases, neighbor) -> new FrrInterop(FrrPeer.start(pair.peer(),
                        pair.peerConfig(transport, ases, neighbor, r -> r), backend), pair.podAddress(transport)));
    }

    private JsonNode neighbor() {
        return daemon.neighborJson(pod);
    }

    private JsonNode stats() {
        return neighbor().path("messageStats");
    }

    @Override
    public void assertSawOurAs(long podAs) {
        assertThat(neighbor().path("remoteAs").asLong()).isEqualTo(podAs);
    }

    @Override
    public void awaitEndOfRib() {
        Await.until("FRR receiving End-of-RIB from podbgp for both families", ROUTE,
                () -> daemon.endOfRibReceived(pod).containsAll(Set.of(IPV4, IPV6)),
                () -> neighbor().path("gracefulRestartInfo").toString());
    }

    @Override
    public void assertGotRefreshRequests(List<Family> asked) {
        assertThat(stats().path("routeRefreshRecv").asInt()).isGreaterThanOrEqualTo(asked.size());
    }

    @Override
    public void assertUnbroken() {
        InteropPeer.super.assertUnbroken();
        assertThat(neighbor().path("connectionsEstablished").asInt()).isEqualTo(1);
    }

    /** "soft in" without soft-reconfiguration sends ROUTE-REFRESH; our answer shows as more UPDATEs received. */
    @Override
    public void askRefreshAndAwaitAnswer() {
        JsonNode before = stats();
        daemon.vtysh("clear bgp ipv4 unicast " + pod + " soft in", "clear bgp ipv6 unicast " + pod + " soft in");
        Await.until("FRR receiving our UPDATEs again after its route refresh", ROUTE,
                () -> stats().path("updatesRecv").asInt() > before.path("updatesRecv").asInt(),
                () -> stats().toString());
        assertThat(stats().path("routeRefreshSent").asInt())
                .isGreaterThanOrEqualTo(before.path("routeRefreshSent").asInt() + 2);
    }

    /** "soft out" is no message to us: FRR just sends its table again. */
    @Override
    public void resendTable() {
        daemon.vtysh("clear bgp ipv4 unicast " + pod + " soft out", "clear bgp ipv6 unicast " + pod + " soft out");
    }

    @Override
    public long opensReceived() {
        JsonNode opens = stats().path("opensRecv");
        assertThat(opens.isInt()).as("FRR counts OPENs received").isTrue();
        return opens.asLong();
    }

    /**
     * RFC 9003: Cease (6) / Administrative Shutdown (2) carrying the message. FRR keeps dialling
     * after our stop and each refused attempt rewrites the reset fields, so all of them are
     * checked on one read.
     */
    @Override
    public void awaitShutdownMessage(String message) {
        FrrNeighborReset[] last = new FrrNeighborReset[1];
        Await.until("FRR recording our shutdown communication", ROUTE, () -> {
            FrrNeighborReset r = last[0] = daemon.lastReset(pod);
            return r.shutdownMessage().equals(message) && r.errorCodeSubcode().equals("0602")
                    && r.notificationReason().contains("Administrative Shutdown");
        }, () -> String.valueOf(last[0]));
    }

    /** {@code show bgp <afi> unicast json}: the path from podbgp and its {@code stale} flag (absent when false). */
    @Override
    public Optional<Boolean> stale(Prefix prefix) {
        String afi = prefix.family() == IPV4 ? "ipv4" : "ipv6";
        JsonNode paths = Json.parse(daemon.vtysh("show bgp " + afi + " unicast json")).path("routes").path(prefix.toString());
        for (JsonNode path : paths) {
            if (path.path("peerId").asText().equals(pod.toString())) {
                return Optional.of(path.path("stale").asBoolean(false));
            }
        }
        return Optional.empty();
    }

    /**
     * FRR prints the pair as hex octets, {@code "0604"}, nothing when the reset was no NOTIFICATION, and for a Hard
     * Reset (RFC 8538 §3) the pair it encapsulates with {@code lastNotificationHardReset}.
     */
    @Override
    public String lastNotificationReceived() {
        JsonNode n = neighbor();
        String hex = n.path("lastErrorCodeSubcode").asText("");
        if (hex.isEmpty()) {
            return "";
        }
        assertThat(n.path("lastResetDueTo").asText()).as("FRR's last reset").isEqualTo("BGP Notification received");
        String pair = Integer.parseInt(hex.substring(0, 2), 16) + "/" + Integer.parseInt(hex.substring(2, 4), 16);
        return n.path("lastNotificationHardReset").asBoolean(false) ? "6/9(" + pair + ")" : pair;
    }

    @Override
    public void shutDownWith(String message) {
        daemon.shutdownNeighbor(daemon.config().neighbors().getFirst(), message);
    }

    /** FRR then sends with TTL 255 and drops anything that arrives below 255. */
    @Override
    public void requireGtsm() {
        daemon.vtysh("configure terminal", "router bgp " + daemon.config().localAs(),
                "neighbor " + pod + " ttl-security hops 1");
    }
}
