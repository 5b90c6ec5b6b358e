package dev.podbgp.daemon.cli;

import dev.podbgp.config.ConfigError;
import dev.podbgp.config.ConfigException;
import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.LoadedConfig;
import dev.podbgp.config.LoggingSpec;
import dev.podbgp.daemon.control.ControlException;
import dev.podbgp.daemon.log.LogFormat;
import dev.podbgp.daemon.log.LogSettings;
import dev.podbgp.daemon.run.KubernetesMode;
import dev.podbgp.daemon.run.PodbgpDaemon;
import dev.podbgp.log.EventLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/** {@code podbgp run}: the daemon, in the foreground until SIGTERM or a failure. */
final class RunCommand {
    private static final EventLog LOG = EventLog.named("podbgp.daemon");

    static final CliOption CONFIG = CliOption.valued("--config", "FILE", "the YAML config file").withShortName("-c").asRequired();
    static final CliOption KUBERNETES = CliOption.flag("--kubernetes", "take the podCIDRs and peers from the cluster (the"
            + " Node named by $NODE_NAME, the other Nodes, BGPPeer and BGPConfiguration objects); the file gives the base settings");

    private final Path config;
    private final boolean kubernetes;
    private final PrintWriter err;

    private RunCommand(Path config, boolean kubernetes, PrintWriter err) {
        this.config = config;
        this.kubernetes = kubernetes;
        this.err = err;
    }

    static CliCommand command() {
        return CliCommand.named("run", "Run the daemon in the foreground.")
                .details(
                        "Validates the config first: any error is printed as FILE:LINE:COLUMN: FIELD: MESSAGE and",
                        "podbgp exits with code 2 before touching the system. Then it writes the bridge CNI",
                        "conflist, enables forwarding and its nftables table, programs learned routes into the",
                        "kernel (proto podbgp), opens the control socket and starts the BGP sessions.", "",
                        "SIGHUP (or 'podbgp reload') rereads the config: an invalid file is refused and the",
                        "running config kept. SIGTERM sends every peer Cease/Administrative Shutdown and removes",
                        "podbgp's routes from the kernel (kept when fib.keepOnExit is set, for graceful restart).")
                .options(CONFIG, KUBERNETES)
                .examples("  podbgp run --config /etc/podbgp/podbgp.yaml",
                        "  systemctl start podbgp        (see docs/systemd.md)")
                .action((args, out, err) -> new RunCommand(args.path(CONFIG), args.flag(KUBERNETES), err).call());
    }

    int call() throws Exception {
        if (kubernetes) {
            return runFromCluster();
        }
        LoadedConfig loaded;
        try {
            loaded = ConfigLoader.load(config);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                err.println(error);
            }
            err.flush();
            return Main.EXIT_USAGE;
        }
        for (ConfigError w : loaded.warnings()) {
            err.println(w);
        }
        configureLogging(loaded.state().logging());
        PodbgpDaemon daemon = PodbgpDaemon.start(config, loaded);
        CountDownLatch stopped = new CountDownLatch(1);
        Signal.handle(new Signal("HUP"), sig -> Thread.ofPlatform().name("podbgp-reload").start(() -> {
            try {
                daemon.reload();
            } catch (ControlException e) {
                LOG.warn("reload-refused").with("reason", e.getMessage().replace('\n', ' ')).log();
            }
        }));
        Runnable stop = () -> {
            daemon.stop("podbgp stopping");
            stopped.countDown();
        };
        Signal.handle(new Signal("TERM"), sig -> Thread.ofPlatform().name("podbgp-stop").start(stop));
        Signal.handle(new Signal("INT"), sig -> Thread.ofPlatform().name("podbgp-stop").start(stop));
        return exitWhenStopped(daemon, stop, stopped);
    }

    private int runFromCluster() throws Exception {
        ConfigLoader.LoadedBase base;
        try {
            base = ConfigLoader.loadBase(config);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                err.println(error);
            }
            err.flush();
            return Main.EXIT_USAGE;
        }
        String node = System.getenv("NODE_NAME");
        if (node == null || node.isBlank()) {
            throw new UsageException("--kubernetes needs NODE_NAME (set it from spec.nodeName with the downward API)");
        }
        String namespace = System.getenv().getOrDefault("POD_NAMESPACE", "podbgp");
        configureLogging(base.config().logging());
        KubernetesMode mode = KubernetesMode.start(base, node, namespace, Duration.ofMinutes(5));
        CountDownLatch stopped = new CountDownLatch(1);
        // The cluster is watched; there is no file state to reread. SIGHUP must not end the process.
        Signal.handle(new Signal("HUP"), sig -> LOG.info("sighup-ignored")
                .with("reason", "state comes from Kubernetes and is followed as it changes").log());
        Runnable stop = () -> {
            mode.stop("podbgp stopping");
            stopped.countDown();
        };
        Signal.handle(new Signal("TERM"), sig -> Thread.ofPlatform().name("podbgp-stop").start(stop));
        Signal.handle(new Signal("INT"), sig -> Thread.ofPlatform().name("podbgp-stop").start(stop));
        return exitWhenStopped(mode.daemon(), stop, stopped);
    }

    /**
     * Waits for the stop a signal asks for, or the one a failed daemon needs: then the exit code says which, so
     * that systemd or the kubelet starts podbgp again after a failure (which, with graceful restart, costs no
     * traffic: the kernel keeps forwarding meanwhile).
     */
    private static int exitWhenStopped(PodbgpDaemon daemon, Runnable stop, CountDownLatch stopped) throws InterruptedException {
        AtomicInteger exit = new AtomicInteger(Main.EXIT_OK);
        daemon.failed().thenAccept(reason -> {
            LOG.error("stopping-after-failure").with("reason", reason).log();
            exit.set(Main.EXIT_RUNTIME);
            Thread.ofPlatform().name("podbgp-stop").start(stop);
        });
        stopped.await();
        return exit.get();
    }

    private static void configureLogging(LoggingSpec logging) {
        LogSettings.set(LogSettings.parseLevel(logging.level().name()),
                logging.format() == LoggingSpec.Format.JSON ? LogFormat.JSON : LogFormat.KEY_VALUE);
    }
}
