package dev.podbgp.lab.exabgp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.peer.Community;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.Peer;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.peer.RouteAttributes;
import dev.podbgp.lab.peer.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * ExaBGP 4.2 in a lab node. Its JSON API is the read-back: the fixture replays every line the
 * helper recorded (state changes, OPEN, UPDATE, NOTIFICATION) into session states and a table
 * of received routes. Commands are ExaBGP's text API and each waits (bounded) for its
 * {@code done}/{@code error} answer.
 */
public final class ExabgpPeer implements Peer {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final Node node;
    private final PeerConfig config;
    private final Path received;
    private final Path commands;
    private final LabProcess exabgp;

    // Replayed state, guarded by this.
    private long offset;
    private int answers;
    private final List<String> answerLines = new ArrayList<>();
    private final List<JsonNode> lines = new ArrayList<>();
    private final Map<String, String> states = new HashMap<>();
    private final Map<String, Map<Prefix, RouteAttributes>> routesByNeighbor = new HashMap<>();

    private ExabgpPeer(Node node, PeerConfig config, Path received, Path commands, LabProcess exabgp) {
        this.node = node;
        this.config = config;
        this.received = received;
        this.commands = commands;
        this.exabgp = exabgp;
    }

    public static ExabgpPeer start(Node node, PeerConfig config) {
        config.requireNoGracefulRestart("the ExaBGP");
        config.requireNoBfd("the ExaBGP");
        if (!Files.isExecutable(Path.of("/usr/sbin/exabgp"))) {
            throw new IllegalStateException("/usr/sbin/exabgp missing: install the Debian package exabgp (scripts/install-deps.sh)");
        }
        Path dir = node.lab().workDir().resolve(node.label() + "-exabgp");
        Path received = dir.resolve("received.jsonl");
        Path commands = dir.resolve("commands.txt");
        Path helper = dir.resolve("api.sh");
        try {
            Files.createDirectories(dir);
            Files.writeString(received, "");
            // Routes of the config are queued before start; ExaBGP sends them once the session is up.
            StringBuilder initial = new StringBuilder();
            config.routes().forEach(r -> initial.append(command(config, r)).append('\n'));
            Files.writeString(commands, initial.toString());
            Files.writeString(helper, ExabgpConfig.helper(received, commands));
            Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("exabgp.conf"), ExabgpConfig.render(config, helper));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String bind = config.neighbors().stream().map(n -> n.localAddress().toString()).distinct()
                .collect(Collectors.joining(" "));
        LabProcess p = node.start("exabgp", List.of("env",
                // No CLI named pipes (they would be shared between labs); short log lines.
                "exabgp.api.cli=false", "exabgp.log.short=true",
                // Stay root: the helper writes into the lab's directory.
                "exabgp.daemon.drop=false", "exabgp.daemon.user=root",
                // Listen on the node's session addresses too, so passive neighbors and collisions work.
                "exabgp.tcp.bind=" + bind,
                "/usr/sbin/exabgp", dir.resolve("exabgp.conf").toString()));
        ExabgpPeer peer = new ExabgpPeer(node, config, received, commands, p);
        node.lab().addDiagnostics("ExaBGP on " + node.name(), peer::logs);
        peer.answers = config.routes().size();
        return peer;
    }

    /**
     * ExaBGP's text API. On eBGP ExaBGP does not put its own AS in front of an explicit
     * as-path (it sends the path as given), so the fixture adds it, matching the other daemons.
     */
    static String command(PeerConfig c, Route r) {
        StringBuilder sb = new StringBuilder("announce route ").append(r.prefix()).append(" next-hop ");
        if (r.nextHop().isPresent()) {
            sb.append(r.nextHop().get());
        } else if (c.neighbors().stream().anyMatch(n -> n.localAddress().family() == r.prefix().family())) {
            sb.append("self");
        } else {
            throw new IllegalArgumentException("next-hop self would be an address of the wrong family for " + r
                    + "; give the route an explicit next hop");
        }
        if (!r.asPath().isEmpty()) {
            List<Long> path = new ArrayList<>();
            boolean external = c.neighbors().stream().anyMatch(c::isExternal);
            if (external) {
                path.add(c.localAs());
            }
            path.addAll(r.asPath());
            sb.append(" as-path [ ").append(path.stream().map(Object::toString).collect(Collectors.joining(" ")))
                    .append(" ]");
        }
        r.med().ifPresent(m -> sb.append(" med ").append(m));
        r.localPref().ifPresent(p -> sb.append(" local-preference ").append(p));
        if (!r.communities().isEmpty()) {
            sb.append(" community [ ").append(r.communities().stream().map(Object::toString)
                    .collect(Collectors.joining(" "))).append(" ]");
        }
        return sb.toString();
    }

    @Override
    public String name() {
        return "exabgp@" + node.label();
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public PeerConfig config() {
        return config;
    }

    /** Sends one text-API command and returns ExaBGP's answer ({@code done} or {@code error}). */
    public String send(String command) {
        if (command.contains("\n")) {
            throw new IllegalArgumentException("one line per command: " + command);
        }
        int expected;
        synchronized (this) {
            expected = ++answers;
        }
        try {
            Files.writeString(commands, command + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("ExaBGP's answer to '" + command + "'", ANSWER_TIMEOUT, () -> {
            poll();
            synchronized (this) {
                return answerLines.size() >= expected;
            }
        }, this::logs);
        synchronized (this) {
            return answerLines.get(expected - 1);
        }
    }

    /** Every JSON line of {@code type} ("open", "update", "notification", "state") received so far. */
    public synchronized List<JsonNode> messages(String type) {
        poll();
        return lines.stream().filter(l -> l.path("type").asText().equals(type)).toList();
    }

    /** ExaBGP reports "connected", "up" and "down"; only "up" is Established. */
    @Override
    public synchronized SessionState state(IpAddress neighbor) {
        poll();
        return switch (states.getOrDefault(neighbor.toString(), "down")) {
            case "up" -> SessionState.ESTABLISHED;
            case "connected" -> SessionState.OPENSENT;
            default -> SessionState.IDLE;
        };
    }

    @Override
    public synchronized Map<Prefix, RouteAttributes> receivedRoutes() {
        poll();
        Map<Prefix, RouteAttributes> all = new TreeMap<>();
        routesByNeighbor.values().forEach(all::putAll);
        return all;
    }

    @Override
    public void announce(Route route) {
        expectDone(command(config, route));
    }

    @Override
    public void withdraw(Prefix prefix) {
        expectDone("withdraw route " + prefix);
    }

    private void expectDone(String command) {
        String answer = send(command);
        if (!answer.equals("done")) {
            throw new IllegalStateException("ExaBGP answered '" + answer + "' to: " + command + "\n" + logs());
        }
    }

    /** Reads complete new lines the helper appended and replays them. */
    private synchronized void poll() {
        byte[] all;
        try {
            all = Files.readAllBytes(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = (int) offset;
        for (int i = start; i < all.length; i++) {
            if (all[i] == '\n') {
                String line = new String(all, start, i - start, StandardCharsets.UTF_8).strip();
                start = i + 1;
                if (line.equals("done") || line.equals("error")) {
                    answerLines.add(line);
                } else if (line.startsWith("{")) {
                    replay(Json.parse(repairRefresh(line)));
                }
            }
        }
        offset = start;
    }

    /**
     * ExaBGP 4.2.21 quotes the values of a {@code "refresh"} line twice
     * ({@code "afi": ""ipv4""}), which is not JSON; quote them once.
     */
    static String repairRefresh(String line) {
        return line.contains("\"type\": \"refresh\"") ? line.replaceAll("\"\"([^\"]*)\"\"", "\"$1\"") : line;
    }

    private void replay(JsonNode line) {
        lines.add(line);
        String peer = line.path("neighbor").path("address").path("peer").asText();
        switch (line.path("type").asText()) {
            case "state" -> {
                String state = line.path("neighbor").path("state").asText();
                states.put(peer, state);
                if (state.equals("down")) {
                    routesByNeighbor.remove(peer);
                }
            }
            case "update" -> applyUpdate(peer, line.path("neighbor").path("message").path("update"));
            default -> { }
        }
    }

    /** {@code announce: {family: {next-hop: [{nlri}]}}}, {@code withdraw: {family: [{nlri}]}}. */
    private void applyUpdate(String peer, JsonNode update) {
        Map<Prefix, RouteAttributes> table = routesByNeighbor.computeIfAbsent(peer, p -> new TreeMap<>());
        update.path("withdraw").properties()
                .forEach(f -> f.getValue().forEach(n -> table.remove(Prefix.parse(n.path("nlri").asText()))));
        JsonNode attr = update.path("attribute");
        List<Long> asPath = new ArrayList<>();
        attr.path("as-path").forEach(a -> asPath.add(a.asLong()));
        List<Community> communities = new ArrayList<>();
        attr.path("community").forEach(c -> communities.add(new Community(c.path(0).asInt(), c.path(1).asInt())));
        OptionalLong med = attr.has("med") ? OptionalLong.of(attr.path("med").asLong()) : OptionalLong.empty();
        OptionalLong lp = attr.has("local-preference") ? OptionalLong.of(attr.path("local-preference").asLong())
                : OptionalLong.empty();
        update.path("announce").properties().forEach(family -> family.getValue().properties().forEach(nh -> {
            IpAddress nextHop = IpAddress.parse(nh.getKey());
            nh.getValue().forEach(n -> table.put(Prefix.parse(n.path("nlri").asText()),
                    new RouteAttributes(nextHop, asPath, communities, med, lp)));
        }));
    }

    /** The neighbor block a test may want to address by name. */
    public Neighbor neighbor(IpAddress address) {
        return config.neighbors().stream().filter(n -> n.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ExaBGP has no neighbor " + address));
    }

    @Override
    public void stop() {
        exabgp.stop();
    }

    @Override
    public void freeze() {
        exabgp.freeze();
    }

    @Override
    public void thaw() {
        exabgp.thaw();
    }

    @Override
    public String logs() {
        return "exabgp log:\n" + exabgp.logTail(30) + "\nAPI lines:\n" + LabProcess.tailOf(received, 15);
    }
}
