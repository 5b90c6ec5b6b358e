package dev.podbgp.lab.frr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.Peer;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.peer.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/** FRR 8.4 as a lab peer; see {@link FrrBackend} for where it runs. */
public final class FrrPeer implements Peer {
    private final Node node;
    private final PeerConfig config;
    private final FrrRuntime runtime;
    private final FrrBackend backend;

    private FrrPeer(Node node, PeerConfig config, FrrRuntime runtime, FrrBackend backend) {
        this.node = node;
        this.config = config;
        this.runtime = runtime;
        this.backend = backend;
        node.lab().addDiagnostics("FRR on " + node.name() + " (" + backend + ")", this::logs);
    }

    /** Starts FRR on {@code node} with the backend {@link FrrBackend#choose()} picks. */
    public static FrrPeer start(Node node, PeerConfig config) {
        return start(node, config, FrrBackend.choose());
    }

    public static FrrPeer start(Node node, PeerConfig config, FrrBackend backend) {
        FrrRuntime runtime = switch (backend) {
            case NAMESPACE -> NamespaceFrr.start(node, config);
            case CONTAINER -> ContainerFrr.start(node, config);
        };
        return new FrrPeer(node, config, runtime, backend);
    }

    public FrrBackend backend() {
        return backend;
    }

    @Override
    public String name() {
        return "frr@" + node.label();
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public PeerConfig config() {
        return config;
    }

    /** Runs vtysh commands (e.g. {@code show ... json}) and returns what they print. */
    public String vtysh(String... commands) {
        return runtime.vtysh(List.of(commands));
    }

    /** FRR's whole view of one neighbor ({@code show bgp neighbors X json}), for fields without a typed reader. */
    public JsonNode neighborJson(IpAddress neighbor) {
        JsonNode all = Json.parse(vtysh("show bgp neighbors " + neighbor + " json"));
        JsonNode n = all.path(neighbor.toString());
        if (n.isMissingNode()) {
            throw new IllegalStateException("FRR does not know neighbor " + neighbor + ": " + all);
        }
        return n;
    }

    /**
     * bfdd's view of its session to {@code peer} ({@code show bfd peers json}: status, diagnostic, remote-id, the
     * intervals in milliseconds); a missing node when bfdd has none.
     */
    public JsonNode bfdPeer(IpAddress peer) {
        for (JsonNode p : Json.parse(vtysh("show bfd peers json"))) {
            if (p.path("peer").asText().equals(peer.toString())) {
                return p;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Override
    public SessionState state(IpAddress neighbor) {
        return SessionState.parse(neighborJson(neighbor).path("bgpState").asText());
    }

    /** The last reset of the session to {@code neighbor}, with any shutdown message received. */
    public FrrNeighborReset lastReset(IpAddress neighbor) {
        JsonNode n = neighborJson(neighbor);
        return new FrrNeighborReset(n.path("lastResetDueTo").asText(""), n.path("lastErrorCodeSubcode").asText(""),
                n.path("lastNotificationReason").asText(""), n.path("lastShutdownDescription").asText(""));
    }

    /**
     * Families whose End-of-RIB FRR received from {@code neighbor}: {@code gracefulRestartInfo.endOfRibRecv},
     * keyed "ipv4Unicast" or "IPv4 Unicast" depending on the FRR version.
     */
    public Set<AddressFamily> endOfRibReceived(IpAddress neighbor) {
        Set<AddressFamily> out = EnumSet.noneOf(AddressFamily.class);
        neighborJson(neighbor).path("gracefulRestartInfo").path("endOfRibRecv").properties().forEach(e -> {
            String key = e.getKey().replace(" ", "").toLowerCase(Locale.ROOT);
            if (e.getValue().asBoolean(false) && key.endsWith("unicast")) {
                out.add(key.startsWith("ipv4") ? AddressFamily.IPV4 : AddressFamily.IPV6);
            }
        });
        return out;
    }

    /** Prefixes FRR advertises to {@code neighbor} ({@code pfxSnt} in the summary). */
    public int prefixesAdvertised(IpAddress neighbor) {
        return summaryPeer(neighbor).path("pfxSnt").asInt();
    }

    /** Prefixes accepted from {@code neighbor} ({@code pfxRcd} in the summary). */
    public int prefixesReceived(IpAddress neighbor) {
        return summaryPeer(neighbor).path("pfxRcd").asInt();
    }

    private JsonNode summaryPeer(IpAddress neighbor) {
        String afi = FrrConfig.afi(neighbor.family());
        JsonNode s = Json.parse(vtysh("show bgp " + afi + " unicast summary json"));
        return s.path("peers").path(neighbor.toString());
    }

    /**
     * The table listing ({@code show bgp <afi> unicast json}) lacks communities and
     * LOCAL_PREF, so each learned prefix is read again with its detail view.
     */
    @Override
    public Map<Prefix, RouteAttributes> receivedRoutes() {
        Map<Prefix, RouteAttributes> out = new TreeMap<>();
        for (AddressFamily f : AddressFamily.values()) {
            String afi = FrrConfig.afi(f);
            JsonNode table = Json.parse(vtysh("show bgp " + afi + " unicast json")).path("routes");
            List<String> learned = new ArrayList<>();
            table.properties().forEach(e -> {
                for (JsonNode path : e.getValue()) {
                    if (!path.path("peerId").asText().equals("(unspec)")) {
                        learned.add(e.getKey());
                        return;
                    }
                }
            });
            if (learned.isEmpty()) {
                continue;
            }
            List<String> commands = learned.stream().map(p -> "show bgp " + afi + " unicast " + p + " json").toList();
            for (JsonNode detail : Json.parseAll(runtime.vtysh(commands))) {
                best(detail).ifPresent(path -> out.put(Prefix.parse(detail.path("prefix").asText()), attributes(path)));
            }
        }
        return out;
    }

    private static java.util.Optional<JsonNode> best(JsonNode detail) {
        for (JsonNode path : detail.path("paths")) {
            if (path.path("bestpath").path("overall").asBoolean(false)) {
                return java.util.Optional.of(path);
            }
        }
        return java.util.Optional.empty();
    }

    private static RouteAttributes attributes(JsonNode path) {
        List<Long> asPath = new ArrayList<>();
        for (JsonNode seg : path.path("aspath").path("segments")) {
            seg.path("list").forEach(a -> asPath.add(a.asLong()));
        }
        List<Community> communities = new ArrayList<>();
        path.path("community").path("list").forEach(c -> communities.add(Community.parse(c.asText())));
        // For IPv6 FRR lists the global next hop first, then the link-local one.
        IpAddress nextHop = IpAddress.parse(path.path("nexthops").path(0).path("ip").asText());
        return new RouteAttributes(nextHop, asPath, communities, optionalLong(path, "metric"),
                optionalLong(path, "locPrf"));
    }

    private static OptionalLong optionalLong(JsonNode n, String field) {
        return n.has(field) ? OptionalLong.of(n.path(field).asLong()) : OptionalLong.empty();
    }

    @Override
    public void announce(Route route) {
        List<String> cmds = new ArrayList<>(List.of("configure terminal"));
        cmds.addAll(FrrConfig.routeMap(route));
        cmds.add("router bgp " + config.localAs());
        cmds.add("address-family " + FrrConfig.afi(route.prefix().family()) + " unicast");
        cmds.add(FrrConfig.network(route));
        runtime.vtysh(cmds);
    }

    @Override
    public void withdraw(Prefix prefix) {
        runtime.vtysh(List.of("configure terminal", "router bgp " + config.localAs(),
                "address-family " + FrrConfig.afi(prefix.family()) + " unicast", "no network " + prefix));
    }

    /** Sends a Cease/Administrative Shutdown with an RFC 8203 message and keeps the session down. */
    public void shutdownNeighbor(Neighbor neighbor, String message) {
        runtime.vtysh(List.of("configure terminal", "router bgp " + config.localAs(),
                "neighbor " + neighbor.address() + " shutdown message " + message));
    }

    /**
     * The BGP daemon alone restarts, as in an FRR upgrade or a bgpd crash: bgpd is stopped (SIGKILL
     * when {@code crash}, else SIGTERM), {@code down} passes, and it starts again from its config file.
     * zebra keeps running throughout. Namespace backend only.
     */
    public void restartBgpd(boolean crash, Duration down) throws InterruptedException {
        stopBgpd(crash);
        Thread.sleep(down.toMillis());
        startBgpd();
    }

    public void stopBgpd(boolean crash) {
        namespaceFrr().stopBgpd(crash);
    }

    public void startBgpd() {
        namespaceFrr().startBgpd();
    }

    private NamespaceFrr namespaceFrr() {
        if (runtime instanceof NamespaceFrr n) {
            return n;
        }
        throw new UnsupportedOperationException("bgpd alone restarts only in the namespace backend, not " + backend());
    }

    @Override
    public void stop() {
        runtime.stop();
    }

    @Override
    public void freeze() {
        runtime.freeze();
    }

    @Override
    public void thaw() {
        runtime.thaw();
    }

    @Override
    public String logs() {
        return runtime.logs();
    }
}
