package dev.podbgp.demo;

import dev.podbgp.daemon.cli.Main;
import dev.podbgp.daemon.cni.CniConfigWriter;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Node;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes-like node of the demo: a lab namespace with an uplink to the top-of-rack router and
 * a default route through it, podbgp running inside as a process, and pods attached with the
 * conflist found in the node's CNI conf dir.
 */
public final class DemoNode {
    /** podbgp's rtnetlink protocol number (fib.protocol default): {@code ip route show proto 244}. */
    public static final String PODBGP_PROTO = "244";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Node node;
    private final Path dir;
    private NodeConfig config;
    private LabProcess podbgp;
    private int pods;

    DemoNode(Node node, Path dir, NodeConfig config) {
        this.node = node;
        this.dir = dir;
        this.config = config;
    }

    public Node node() {
        return node;
    }

    public NodeConfig config() {
        return config;
    }

    public Path configFile() {
        return dir.resolve("podbgp.yaml");
    }

    /** Where podbgp writes its conflist (the node's {@code cni.confDir}). */
    public Path conflistFile() {
        return config.confDir().resolve(CniConfigWriter.DEFAULT_FILE_NAME);
    }

    public Optional<LabProcess> podbgp() {
        return Optional.ofNullable(podbgp);
    }

    /** Writes the node's config file (atomically, as an editor's save would look to a reload). */
    public void writeConfig(NodeConfig c) {
        try {
            Path tmp = dir.resolve("podbgp.yaml.tmp");
            Files.writeString(tmp, c.yaml());
            Files.move(tmp, configFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile(), e);
        }
        this.config = c;
    }

    /**
     * {@code ip netns exec NODE podbgp run --config FILE}, then waits until the control socket
     * answers; the lab stops the process (SIGTERM) when it closes.
     */
    public LabProcess startPodbgp() {
        if (podbgp != null && podbgp.isAlive()) {
            throw new IllegalStateException("podbgp already runs on " + node.label());
        }
        LabProcess p = node.start("podbgp", PodbgpCommand.run(configFile()));
        podbgp = p;
        Await.until("podbgp on " + node.label() + " to answer on " + config.controlSocket(), START_TIMEOUT, () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("podbgp on " + node.label() + " exited:\n" + p.logTail(30));
            }
            return Files.exists(config.controlSocket()) && cli("show", "config").exitCode() == 0;
        }, () -> p.logTail(30));
        return p;
    }

    /** SIGTERM and wait for the exit (SIGKILL after the lab's grace time): a clean stop. */
    public void stopPodbgp() {
        if (podbgp != null) {
            podbgp.stop();
        }
    }

    /** The result of one podbgp CLI command. */
    public record CliResult(int exitCode, String out, String err) {}

    /**
     * Runs a podbgp CLI command against this node's daemon, in this JVM: the control socket is a
     * file, so no network and no namespace is involved.
     */
    public CliResult cli(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.add("--socket");
        full.add(config.controlSocket().toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), full.toArray(String[]::new));
        return new CliResult(code, out.toString(), err.toString());
    }

    /** {@code ip route show proto 244}: the routes podbgp programmed into this node's kernel. */
    public String kernelRoutes() {
        return node.exec("ip", "route", "show", "proto", PODBGP_PROTO).orThrow();
    }

    /** {@code ip -6 route show proto 244}: as {@link #kernelRoutes()}, for IPv6. */
    public String kernelRoutes6() {
        return node.exec("ip", "-6", "route", "show", "proto", PODBGP_PROTO).orThrow();
    }

    public boolean kernelHasRoute(Prefix p) {
        String routes = p.family() == AddressFamily.IPV6 ? kernelRoutes6() : kernelRoutes();
        return routes.lines().anyMatch(l -> l.startsWith(p + " "));
    }

    /**
     * A pod attached with the conflist in this node's CNI conf dir ({@link Pod#attach}); its
     * host-local leases go under this node's lab directory, since both demo nodes share one
     * machine's /var/lib/cni.
     */
    public Pod addPod() {
        pods++;
        return Pod.attach(node, conflistFile(), dir.resolve("ipam"), node.label() + "p" + pods);
    }

    @Override
    public String toString() {
        return node.name();
    }
}
