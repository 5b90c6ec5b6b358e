package dev.podbgp.lab.bird;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.Shell;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BIRD 2.0 in a lab node: {@code bird -f -c CONF -s CTL -P PID} in the foreground. Routes are
 * changed by rewriting the config and {@code birdc configure}, which re-exports without
 * restarting sessions when only filters and static routes changed.
 */
public final class BirdPeer implements Peer {
    private static final Duration BIRDC_TIMEOUT = Duration.ofSeconds(5);

    private final Node node;
    private final PeerConfig config;
    private final Path conf;
    private final Path ctl;
    private final Path log;
    private final LabProcess bird;
    private final List<Route> routes;

    private BirdPeer(Node node, PeerConfig config, Path dir, LabProcess bird) {
        this.node = node;
        this.config = config;
        this.conf = dir.resolve("bird.conf");
        this.ctl = dir.resolve("bird.ctl");
        this.log = dir.resolve("bird.log");
        this.bird = bird;
        this.routes = new ArrayList<>(config.routes());
    }

    public static BirdPeer start(Node node, PeerConfig config) {
        config.requireNoGracefulRestart("the BIRD");
        if (!Files.isExecutable(Path.of("/usr/sbin/bird"))) {
            throw new IllegalStateException("/usr/sbin/bird missing: install the Debian package bird2 (scripts/install-deps.sh)");
        }
        Path dir = node.lab().workDir().resolve(node.label() + "-bird");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("bird.conf"),
                    BirdConfig.render(config, config.routes(), dir.resolve("bird.log").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LabProcess p = node.start("bird", List.of("bird", "-f", "-c", dir.resolve("bird.conf").toString(),
                "-s", dir.resolve("bird.ctl").toString(), "-P", dir.resolve("bird.pid").toString()));
        BirdPeer peer = new BirdPeer(node, config, dir, p);
        node.lab().addDiagnostics("BIRD on " + node.name(), peer::logs);
        Await.until("BIRD on " + node.name() + " to answer birdc", Duration.ofSeconds(15), () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("bird exited during start-up:\n" + peer.logs());
            }
            return peer.birdcResult("show status").ok();
        }, peer::logs);
        return peer;
    }

    /** One row of {@code birdc show bfd sessions}: the state and BIRD's negotiated TX interval and detection time. */
    public record BfdSession(String state, Duration interval, Duration timeout) {}

    /** BIRD's BFD session to {@code peer}, empty when it has none. */
    public java.util.Optional<BfdSession> bfdSession(IpAddress peer) {
        // IP address   Interface   State   Since   Interval   Timeout  (times in seconds, e.g. 0.300)
        for (String line : birdc("show bfd sessions").lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 6 && f[0].equals(peer.toString())) {
                return java.util.Optional.of(new BfdSession(f[2], seconds(f[f.length - 2]), seconds(f[f.length - 1])));
            }
        }
        return java.util.Optional.empty();
    }

    private static Duration seconds(String text) {
        return Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9));
    }

    private Shell.Result birdcResult(String command) {
        return Shell.run(node.inside(List.of("birdc", "-s", ctl.toString(), command)), BIRDC_TIMEOUT);
    }

    /** Runs one birdc command and returns its output. */
    public String birdc(String command) {
        return birdcResult(command).orThrow();
    }

    @Override
    public String name() {
        return "bird@" + node.label();
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public PeerConfig config() {
        return config;
    }

    String protocolOf(IpAddress neighbor) {
        for (int i = 0; i < config.neighbors().size(); i++) {
            if (config.neighbors().get(i).address().equals(neighbor)) {
                return BirdConfig.protocolName(i);
            }
        }
        throw new IllegalArgumentException("BIRD has no neighbor " + neighbor);
    }

    /** BIRD's own view of a protocol ({@code show protocols all NAME}). */
    public String protocol(IpAddress neighbor) {
        return birdc("show protocols all " + protocolOf(neighbor));
    }

    /**
     * From the {@code BGP state:} line. BIRD also knows "Close" (session being torn down) and
     * "Down" (protocol disabled), both Idle in RFC 4271 terms.
     */
    @Override
    public SessionState state(IpAddress neighbor) {
        for (String line : protocol(neighbor).lines().toList()) {
            String l = line.strip();
            if (l.startsWith("BGP state:")) {
                String s = l.substring("BGP state:".length()).strip();
                return switch (s) {
                    case "Close", "Down" -> SessionState.IDLE;
                    default -> SessionState.parse(s);
                };
            }
        }
        return SessionState.IDLE;
    }

    @Override
    public Map<Prefix, RouteAttributes> receivedRoutes() {
        Set<String> protocols = new HashSet<>();
        for (int i = 0; i < config.neighbors().size(); i++) {
            protocols.add(BirdConfig.protocolName(i));
        }
        return BirdRoutes.parse(birdc("show route all"), protocols);
    }

    @Override
    public synchronized void announce(Route route) {
        routes.removeIf(r -> r.prefix().equals(route.prefix()));
        routes.add(route);
        reconfigure();
    }

    @Override
    public synchronized void withdraw(Prefix prefix) {
        routes.removeIf(r -> r.prefix().equals(prefix));
        reconfigure();
    }

    /**
     * How many End-of-RIB markers BIRD logged from {@code neighbor} ({@code "NAME: Got END-OF-RIB"}
     * in its packet trace). BIRD 2.0.12 names no family in that line, so a session with two
     * families that sent both shows 2.
     */
    public long endOfRibsReceived(IpAddress neighbor) {
        return received(neighbor, "END-OF-RIB");
    }

    /**
     * How many messages BIRD's packet trace logged as received from {@code neighbor} whose
     * trace starts with {@code what} ({@code "NAME: Got OPEN(as=...)"}, {@code "NAME: Got ROUTE-REFRESH"}).
     */
    public long received(IpAddress neighbor, String what) {
        String trace = protocolOf(neighbor) + ": Got " + what;
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(trace)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends Cease/Administrative Shutdown with an RFC 8203 message ({@code birdc disable NAME "msg"}). */
    public void disable(IpAddress neighbor, String message) {
        birdc("disable " + protocolOf(neighbor) + " \"" + message.replace("\"", "") + "\"");
    }

    public void enable(IpAddress neighbor) {
        birdc("enable " + protocolOf(neighbor));
    }

    private void reconfigure() {
        try {
            Files.writeString(conf, BirdConfig.render(config, routes, log.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String out = birdc("configure");
        if (!out.contains("Reconfigured") && !out.contains("Reconfiguration in progress")) {
            throw new IllegalStateException("birdc configure refused the new config:\n" + out);
        }
    }

    @Override
    public void stop() {
        bird.stop();
    }

    @Override
    public void freeze() {
        bird.freeze();
    }

    @Override
    public void thaw() {
        bird.thaw();
    }

    @Override
    public String logs() {
        return "bird.log:\n" + LabProcess.tailOf(log, 40) + "\nbird stdout:\n" + bird.logTail(10);
    }
}
