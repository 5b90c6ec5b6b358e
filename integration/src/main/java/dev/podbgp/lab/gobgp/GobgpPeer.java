package dev.podbgp.lab.gobgp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.Shell;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Peer;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.peer.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * GoBGP 3 in a lab node. The gRPC API listens on the node's own 127.0.0.1, so every lab node
 * can use the same port without clashing and nothing is reachable from the host namespace.
 */
public final class GobgpPeer implements Peer {
    static final int API_PORT = 50051;
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(5);

    private final Node node;
    private final PeerConfig config;
    private final LabProcess gobgpd;

    private GobgpPeer(Node node, PeerConfig config, LabProcess gobgpd) {
        this.node = node;
        this.config = config;
        this.gobgpd = gobgpd;
    }

    public static GobgpPeer start(Node node, PeerConfig config) {
        config.requireNoGracefulRestart("the GoBGP");
        config.requireNoBfd("the GoBGP");
        if (!Files.isExecutable(Path.of("/usr/bin/gobgpd"))) {
            throw new IllegalStateException("/usr/bin/gobgpd missing: install the Debian package gobgpd (scripts/install-deps.sh)");
        }
        Path conf = node.lab().workDir().resolve(node.label() + "-gobgpd.toml");
        try {
            Files.writeString(conf, GobgpConfig.render(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LabProcess p = node.start("gobgpd", List.of("gobgpd", "-f", conf.toString(),
                "--api-hosts", "127.0.0.1:" + API_PORT, "-l", "info"));
        GobgpPeer peer = new GobgpPeer(node, config, p);
        node.lab().addDiagnostics("GoBGP on " + node.name(), peer::logs);
        Await.until("gobgpd on " + node.name() + " to answer", Duration.ofSeconds(15), () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("gobgpd exited during start-up:\n" + peer.logs());
            }
            return peer.cliResult(List.of("neighbor", "-j")).ok();
        }, peer::logs);
        config.routes().forEach(peer::announce);
        return peer;
    }

    private Shell.Result cliResult(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("gobgp", "-u", "127.0.0.1", "-p", Integer.toString(API_PORT)));
        cmd.addAll(args);
        return Shell.run(node.inside(cmd), CLI_TIMEOUT);
    }

    /** Runs {@code gobgp ARGS} against this daemon and returns stdout. */
    public String gobgp(String... args) {
        return cliResult(List.of(args)).orThrow();
    }

    @Override
    public String name() {
        return "gobgp@" + node.label();
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public PeerConfig config() {
        return config;
    }

    /** GoBGP's API prints session_state as the protobuf enum number (apipb.PeerState_SessionState). */
    @Override
    public SessionState state(IpAddress neighbor) {
        for (JsonNode n : Json.parse(gobgp("neighbor", "-j"))) {
            if (n.path("state").path("neighbor_address").asText().equals(neighbor.toString())) {
                return switch (n.path("state").path("session_state").asInt()) {
                    case 2 -> SessionState.CONNECT;
                    case 3 -> SessionState.ACTIVE;
                    case 4 -> SessionState.OPENSENT;
                    case 5 -> SessionState.OPENCONFIRM;
                    case 6 -> SessionState.ESTABLISHED;
                    default -> SessionState.IDLE;
                };
            }
        }
        throw new IllegalArgumentException("GoBGP has no neighbor " + neighbor);
    }

    /**
     * The families whose End-of-RIB (RFC 4724 §2) GoBGP received from {@code neighbor}: GoBGP
     * tracks it per family under {@code afi_safis[].mp_graceful_restart.state}, so only for
     * families with graceful restart configured (the fixture configures it on all).
     */
    public Set<AddressFamily> endOfRibReceived(IpAddress neighbor) {
        Set<AddressFamily> out = EnumSet.noneOf(AddressFamily.class);
        for (JsonNode f : Json.parse(gobgp("neighbor", neighbor.toString(), "-j")).path("afi_safis")) {
            if (f.path("mp_graceful_restart").path("state").path("end_of_rib_received").asBoolean(false)
                    && f.path("state").path("family").path("safi").asInt() == 1) {
                int afi = f.path("state").path("family").path("afi").asInt();
                out.add(afi == 1 ? AddressFamily.IPV4 : AddressFamily.IPV6);
            }
        }
        return out;
    }

    /** {@code state.messages.received.<type>} of {@code neighbor}: how many messages of that type GoBGP got. */
    public long messagesReceived(IpAddress neighbor, String type) {
        return Json.parse(gobgp("neighbor", neighbor.toString(), "-j")).path("state").path("messages").path("received")
                .path(type).asLong();
    }

    /** Routes in the global RIB that came from a neighbor (they carry {@code neighbor-ip}). */
    @Override
    public Map<Prefix, RouteAttributes> receivedRoutes() {
        Map<Prefix, RouteAttributes> out = new TreeMap<>();
        for (AddressFamily f : AddressFamily.values()) {
            JsonNode rib = Json.parse(gobgp("global", "rib", "-j", "-a", f == AddressFamily.IPV4 ? "ipv4" : "ipv6"));
            rib.properties().forEach(e -> {
                for (JsonNode path : e.getValue()) {
                    if (path.has("neighbor-ip") && path.path("best").asBoolean(false)) {
                        out.put(Prefix.parse(e.getKey()), attributes(path));
                    }
                }
            });
        }
        return out;
    }

    private static RouteAttributes attributes(JsonNode path) {
        IpAddress nextHop = null;
        List<Long> asPath = new ArrayList<>();
        List<Community> communities = new ArrayList<>();
        OptionalLong med = OptionalLong.empty();
        OptionalLong localPref = OptionalLong.empty();
        for (JsonNode a : path.path("attrs")) {
            switch (a.path("type").asInt()) {
                case 2 -> a.path("as_paths").forEach(seg -> seg.path("asns").forEach(n -> asPath.add(n.asLong())));
                case 3, 14 -> nextHop = IpAddress.parse(a.path("nexthop").asText());
                case 4 -> med = OptionalLong.of(a.path("metric").asLong());
                case 5 -> localPref = OptionalLong.of(a.path("value").asLong());
                case 8 -> a.path("communities").forEach(c -> communities.add(Community.ofBits(c.asLong())));
                default -> { }
            }
        }
        return new RouteAttributes(nextHop, asPath, communities, med, localPref);
    }

    @Override
    public void announce(Route r) {
        List<String> args = new ArrayList<>(List.of("global", "rib", "add", r.prefix().toString()));
        r.nextHop().ifPresent(nh -> args.addAll(List.of("nexthop", nh.toString())));
        if (!r.asPath().isEmpty()) {
            args.addAll(List.of("aspath", r.asPath().stream().map(Object::toString).collect(Collectors.joining(" "))));
        }
        r.med().ifPresent(m -> args.addAll(List.of("med", Long.toString(m))));
        r.localPref().ifPresent(p -> args.addAll(List.of("local-pref", Long.toString(p))));
        if (!r.communities().isEmpty()) {
            args.addAll(List.of("community",
                    r.communities().stream().map(Object::toString).collect(Collectors.joining(","))));
        }
        args.addAll(List.of("-a", family(r.prefix())));
        gobgp(args.toArray(String[]::new));
    }

    @Override
    public void withdraw(Prefix prefix) {
        gobgp("global", "rib", "del", prefix.toString(), "-a", family(prefix));
    }

    private static String family(Prefix p) {
        return p.family() == AddressFamily.IPV4 ? "ipv4" : "ipv6";
    }

    @Override
    public void stop() {
        gobgpd.stop();
    }

    @Override
    public void freeze() {
        gobgpd.freeze();
    }

    @Override
    public void thaw() {
        gobgpd.thaw();
    }

    @Override
    public String logs() {
        return "gobgpd log:\n" + gobgpd.logTail(30);
    }
}
