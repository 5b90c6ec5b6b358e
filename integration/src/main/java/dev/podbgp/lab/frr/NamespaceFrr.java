package dev.podbgp.lab.frr;

import dev.podbgp.lab.Await;
import dev.podbgp.lab.LabProcess;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.Shell;
import dev.podbgp.lab.peer.PeerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * zebra + bgpd from the Debian package inside a lab node. Several FRRs share the machine
 * through pathspaces ({@code -N <namespace name>}): sockets and pid files live in
 * {@code /var/run/frr/<name>}, which must belong to frr because the daemons drop to that user.
 * Both run in the foreground (no {@code -d}) so the lab owns their processes.
 */
final class NamespaceFrr implements FrrRuntime {
    private static final Path FRR_RUN = Path.of("/var/run/frr");
    private static final Duration VTYSH_TIMEOUT = Duration.ofSeconds(5);

    private final Node node;
    private final String pathspace;
    private final Path frrLog;
    private final Path conf;
    private final LabProcess zebra;
    /** Running when the config asks for BFD: bgpd registers its sessions with it through zebra. */
    private final Optional<LabProcess> bfdd;
    private volatile LabProcess bgpd;

    private NamespaceFrr(Node node, Path frrLog, Path conf, LabProcess zebra, Optional<LabProcess> bfdd, LabProcess bgpd) {
        this.node = node;
        this.pathspace = node.name();
        this.frrLog = frrLog;
        this.conf = conf;
        this.zebra = zebra;
        this.bfdd = bfdd;
        this.bgpd = bgpd;
    }

    static NamespaceFrr start(Node node, PeerConfig config) {
        return start(node, log -> FrrConfig.render(config, node.label(), log), config.bfd().isPresent());
    }

    /** zebra + bgpd (and bfdd when {@code bfd}) reading the frr.conf {@code render} makes for the given log file. */
    static NamespaceFrr start(Node node, java.util.function.Function<String, String> render, boolean bfd) {
        for (String bin : List.of("/usr/lib/frr/zebra", "/usr/lib/frr/bgpd", "/usr/lib/frr/bfdd", "/usr/bin/vtysh")) {
            if (!Files.isExecutable(Path.of(bin))) {
                throw new IllegalStateException(bin + " missing: install the Debian package frr (scripts/install-deps.sh)");
            }
        }
        String name = node.name();
        Path run = FRR_RUN.resolve(name);
        Path dir = node.lab().workDir().resolve(node.label() + "-frr");
        Path conf = dir.resolve("frr.conf");
        Path log = dir.resolve("frr.log");
        try {
            Files.createDirectories(run);
            node.lab().onClose("delete " + run, () -> deleteTree(run));
            Shell.check("chown", "frr:frr", run.toString());
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(conf, render.apply(log.toString()));
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
            Files.writeString(log, "");
            Shell.check("chown", "frr:frr", log.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare FRR files for " + name, e);
        }
        LabProcess zebra = node.start("zebra", List.of("/usr/lib/frr/zebra", "-N", name, "-f", conf.toString(),
                "-i", run.resolve("zebra.pid").toString()));
        // bgpd registers with zebra through zserv.api; started earlier it only retries.
        Await.until("zebra of " + name + " to listen", Duration.ofSeconds(15),
                () -> Files.exists(run.resolve("zserv.api")) || !zebra.isAlive(), () -> zebra.logTail(20));
        Optional<LabProcess> bfdd = bfd ? Optional.of(node.start("bfdd", List.of("/usr/lib/frr/bfdd", "-N", name,
                "-f", conf.toString(), "-i", run.resolve("bfdd.pid").toString()))) : Optional.empty();
        NamespaceFrr frr = new NamespaceFrr(node, log, conf, zebra, bfdd, startBgpd(node, conf));
        frr.awaitBgpd();
        return frr;
    }

    private static LabProcess startBgpd(Node node, Path conf) {
        Path pid = FRR_RUN.resolve(node.name()).resolve("bgpd.pid");
        return node.start("bgpd", List.of("/usr/lib/frr/bgpd", "-N", node.name(), "-f", conf.toString(), "-i", pid.toString()));
    }

    private void awaitBgpd() {
        Await.until("bgpd of " + pathspace + " to answer vtysh", Duration.ofSeconds(15), () -> {
            if (!zebra.isAlive() || !bgpd.isAlive()) {
                throw new IllegalStateException("FRR exited during start-up:\n" + logs());
            }
            return vtyshResult(List.of("show bgp summary json")).ok();
        }, this::logs);
    }

    /** bgpd alone goes away (SIGKILL: a crash; else SIGTERM); zebra and the kernel routes it holds stay. */
    void stopBgpd(boolean crash) {
        if (crash) {
            bgpd.kill();
        } else {
            bgpd.stop();
        }
    }

    /** bgpd again, from the same frr.conf; returns once it answers vtysh (it may not be listening yet). */
    void startBgpd() {
        if (bgpd.isAlive()) {
            throw new IllegalStateException("bgpd of " + pathspace + " still runs");
        }
        bgpd = startBgpd(node, conf);
        awaitBgpd();
    }

    private Shell.Result vtyshResult(List<String> commands) {
        List<String> cmd = new ArrayList<>(List.of("vtysh", "-N", pathspace));
        for (String c : commands) {
            cmd.add("-c");
            cmd.add(c);
        }
        return Shell.run(node.inside(cmd), VTYSH_TIMEOUT);
    }

    @Override
    public String vtysh(List<String> commands) {
        Shell.Result r = vtyshResult(commands);
        // vtysh exits 0 even when a configuration line is refused, but prints "%" lines to stdout.
        if (!r.ok() || r.stdout().lines().anyMatch(l -> l.startsWith("% ") && !l.contains("vtysh.conf"))) {
            throw new IllegalStateException("vtysh " + commands + " failed (" + r.exitCode() + "): " + r.stdout()
                    + r.stderr());
        }
        return r.stdout();
    }

    @Override
    public void freeze() {
        bgpd.freeze();
        bfdd.ifPresent(LabProcess::freeze);
        zebra.freeze();
    }

    @Override
    public void thaw() {
        zebra.thaw();
        bfdd.ifPresent(LabProcess::thaw);
        bgpd.thaw();
    }

    @Override
    public void stop() {
        bgpd.stop();
        bfdd.ifPresent(LabProcess::stop);
        zebra.stop();
    }

    @Override
    public String logs() {
        return "frr.log (" + frrLog + "):\n" + LabProcess.tailOf(frrLog, 40) + "\nbgpd stdout:\n" + bgpd.logTail(15)
                + "\nzebra stdout:\n" + zebra.logTail(10) + bfdd.map(p -> "\nbfdd stdout:\n" + p.logTail(10)).orElse("");
    }

    private static void deleteTree(Path p) {
        Shell.run(List.of("rm", "-rf", "--one-file-system", p.toString())).orThrow();
    }
}
