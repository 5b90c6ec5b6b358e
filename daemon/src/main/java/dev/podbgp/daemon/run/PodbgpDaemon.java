package dev.podbgp.daemon.run;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.exabgp.ExabgpNeighbor;
import dev.podbgp.bgp.exabgp.PeerSelector;
import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.config.CniSpec;
import dev.podbgp.config.ConfigError;
import dev.podbgp.config.ConfigException;
import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.LoadedConfig;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.config.state.ServiceRoute;
import dev.podbgp.daemon.cni.CniPairing;
import dev.podbgp.daemon.cni.TargetNamespace;
import dev.podbgp.daemon.control.ClearScope;
import dev.podbgp.daemon.control.ControlException;
import dev.podbgp.daemon.control.ControlHandler;
import dev.podbgp.daemon.control.ControlServer;
import dev.podbgp.daemon.control.FibView;
import dev.podbgp.daemon.control.NeighborView;
import dev.podbgp.daemon.control.RouteView;
import dev.podbgp.daemon.metrics.MetricsServer;
import dev.podbgp.daemon.process.Launcher;
import dev.podbgp.daemon.process.PeerEvent;
import dev.podbgp.daemon.process.ProcessRoutes;
import dev.podbgp.daemon.process.ProcessSettings;
import dev.podbgp.daemon.process.ProcessSupervisor;
import dev.podbgp.daemon.metrics.PodbgpMetrics;
import dev.podbgp.daemon.speaker.FibBridge;
import dev.podbgp.daemon.speaker.LinkScopes;
import dev.podbgp.daemon.speaker.PeerStatus;
import dev.podbgp.daemon.speaker.PrefixCounts;
import dev.podbgp.daemon.speaker.SessionInterfaces;
import dev.podbgp.daemon.speaker.Speaker;
import dev.podbgp.daemon.speaker.SpeakerEvents;
import dev.podbgp.fib.link.InterfaceAddresses;
import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.fib.route.KernelRoute;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteOwner;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.fib.writer.FibConfig;
import dev.podbgp.fib.writer.FibListener;
import dev.podbgp.fib.writer.FibWriter;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.log.EventLog;
import dev.podbgp.log.LogField;
import dev.podbgp.rib.RibListener;
import dev.podbgp.rib.out.SelfNextHops;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One running podbgp: the FIB writer, the speaker, the CNI pairing, the control socket and the
 * metrics endpoint, started in that order and stopped in reverse. Answers the control API.
 */
public final class PodbgpDaemon implements ControlHandler, AutoCloseable {

    private static final EventLog LOG = EventLog.named("podbgp.daemon");
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    /** The YAML file reloads reread; empty when the state comes from Kubernetes. */
    private final Optional<Path> configFile;
    private volatile DesiredState state;
    private final PodbgpMetrics metrics = new PodbgpMetrics();
    private final FibWriter fib;
    /** Taken first, released last: while it is held no second daemon touches this node. */
    private final InstanceLock instanceLock;
    private final Speaker speaker;
    private final CniPairing cni;
    private final ControlServer control;
    private final MetricsServer metricsServer;
    private final Object reloadLock = new Object();
    private static final Duration METRICS_REFRESH = Duration.ofSeconds(5);
    private final ScheduledExecutorService metricsRefresh;
    /** How long the Loc-RIB must be quiet after a large change before the heap is trimmed. */
    private static final Duration HEAP_TRIM_CHECK = Duration.ofSeconds(5);
    private final HeapTrim heapTrim;
    /** How long the heap trim waits for the RIB thread and the FIB writer to trim their tables: each takes well under 1 s. */
    private static final Duration TABLE_TRIM_WAIT = Duration.ofSeconds(10);
    /** UPDATE counts per peer already added to the metrics: the counters grow by the difference. */
    private final Map<IpAddress, long[]> countedUpdates = new HashMap<>();
    private volatile boolean stopped;
    private final CompletableFuture<String> failed = new CompletableFuture<>();
    /** A named network namespace this daemon manages (lab use); empty: the one it runs in. */
    private final Optional<String> namespace;
    /** Set once the speaker exists; link events before that have no session to end. */
    private volatile FastFallover fallover;
    private volatile GatewayPeerWatch gatewayWatch;
    /** Set once the speaker exists, like {@link #fallover}. */
    private volatile BfdClient bfd;
    /** Which helper announced which prefix; the control socket's commands take prefixes over. */
    private volatile ProcessRoutes processRoutes;
    /** The config's helper processes; set once the speaker exists, like {@link #fallover}. */
    private volatile ProcessSupervisor processes;
    /** Neighbour discovery for unnumbered peers; set once the speaker exists. */
    private volatile InterfacePeering unnumbered;

    private PodbgpDaemon(Optional<Path> configFile, DesiredState s, Optional<String> namespace) throws IOException {
        this.configFile = configFile;
        this.state = s;
        this.namespace = namespace;
        this.instanceLock = InstanceLock.acquire(s.controlSocket());
        // What a failed start must undo, newest first. The FIB is detached, not closed: a start that fails (the
        // port taken, say) leaves the kernel forwarding as it found it.
        List<AutoCloseable> undo = new ArrayList<>();
        undo.add(instanceLock);
        try {
            this.cni = new CniPairing(namespace.map(TargetNamespace::named).orElseGet(TargetNamespace::current),
                    cniSettings(s));
            applyCni(s);
            RouteOwner owner = owner(s);
            if (namespace.isEmpty()) {
                registerProtocolName(owner);
            }
            NetworkNamespace fibNamespace = namespace.map(NetworkNamespace::named).orElse(null);
            this.fib = FibWriter.open(fibNamespace, owner, fibConfig(s), new FibEvents());
            undo.addFirst(fib::detach);
            fib.start();
            this.heapTrim = new HeapTrim(fib::idle, this::ribPaths, this::trimTables);
            // Link-local next hops are installed on the interface of the session they came over; unnumbered peers
            // are connected to on the interface their advertisements came in on (scopes).
            SessionInterfaces interfaces = new SessionInterfaces(local -> InterfaceAddresses.owning(fibNamespace, local));
            List<RibListener> toFib = List.of(new FibBridge(fib, interfaces), heapTrim);
            LinkScopes scopes = new LinkScopes();
            if (fib.keptAtStart() > 0) {
                // The last run's routes still forward: they stay until the peers have sent their tables again.
                LOG.info("restarting").with("kept-routes", fib.keptAtStart()).log();
                this.speaker = Speaker.restart(s, namespace, toFib, new Events(), interfaces,
                        Duration.ofSeconds(s.gracefulRestart().restartTime()), fib::ribConverged, scopes);
            } else {
                this.speaker = Speaker.start(s, namespace, toFib, new Events(), interfaces, scopes);
            }
            undo.addFirst(speaker);
            this.fallover = new FastFallover(speaker, namespace.map(TargetNamespace::named).orElseGet(TargetNamespace::current));
            undo.addFirst(fallover);
            this.bfd = new BfdClient(speaker, namespace, metrics);
            undo.addFirst(bfd);
            bfd.converge(s);
            this.gatewayWatch = new GatewayPeerWatch(speaker, namespace.map(TargetNamespace::named).orElseGet(TargetNamespace::current),
                    () -> state.gatewayPeer(), () -> bfd.converge(speaker.state()));
            undo.addFirst(gatewayWatch);
            this.processRoutes = new ProcessRoutes(new SpeakerRoutes(speaker));
            this.processes = new ProcessSupervisor(processRoutes, this::peerIdentities, Launcher.inNamespace(namespace),
                    ProcessSettings.defaults(), java.time.Clock.systemUTC(), new ProcessMetrics(metrics));
            undo.addFirst(processes);
            convergeProcesses(s);
            // Interface peers join the speaker's peers as their neighbours are heard (InterfacePeering#effective).
            ThreadFactory platform = Thread.ofPlatform().daemon().factory();
            this.unnumbered = new InterfacePeering(scopes,
                    namespace.map(n -> NetworkNamespace.named(n).threadFactory(platform)).orElse(platform),
                    this::neighborsChanged, System::nanoTime);
            undo.addFirst(unnumbered);
            unnumbered.converge(s);
            this.control = ControlServer.start(s.controlSocket(), this);
            undo.addFirst(control);
            this.metricsServer = s.metrics().enabled()
                    ? MetricsServer.start(new InetSocketAddress(InetAddress.getByAddress(s.metrics().address().toBytes()), s.metrics().port()),
                            metrics.registry())
                    : null;
            this.metricsRefresh = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("podbgp-metrics").daemon().factory());
            metricsRefresh.scheduleWithFixedDelay(this::refreshMetrics, METRICS_REFRESH.toSeconds(), METRICS_REFRESH.toSeconds(),
                    TimeUnit.SECONDS);
            metricsRefresh.scheduleWithFixedDelay(this::checkHeap, HEAP_TRIM_CHECK.toSeconds(), HEAP_TRIM_CHECK.toSeconds(),
                    TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("start-failed").with("error", e.getMessage()).log();
            undo.forEach(PodbgpDaemon::closeQuietly);
            throw e;
        }
        LOG.info("started").with("node", s.node().name()).with("asn", s.node().asn()).with("router-id", s.node().routerId())
                .with("peers", s.peers().size()).with("originated", s.originated()).log();
    }

    /**
     * Our routes survive a crash whenever graceful restart is on (a kill -9 leaves them in the kernel, and peers
     * were told we keep forwarding), and a clean stop when {@code fib.keepOnExit} says so. Whatever a start finds
     * of ours is kept as stale until the RIB has converged, never deleted and rewritten.
     */
    private static FibConfig fibConfig(DesiredState s) {
        return FibConfig.defaults().withKeepStaleAtStart(s.gracefulRestart().enabled() || s.fib().keepOnExit())
                .withKeepOnClose(s.fib().keepOnExit());
    }

    /** Starts everything for the config in {@code configFile}, already loaded and valid. */
    public static PodbgpDaemon start(Path configFile, LoadedConfig loaded) throws IOException {
        return new PodbgpDaemon(Optional.of(configFile), loaded.state(), Optional.empty());
    }

    /** Starts everything for a state another source keeps current (Kubernetes); see {@link #apply}. */
    public static PodbgpDaemon start(DesiredState initial) throws IOException {
        return new PodbgpDaemon(Optional.empty(), initial, Optional.empty());
    }

    /**
     * Like {@link #start(DesiredState)}, managing the named network namespace instead of the
     * process's own: sockets, FIB writes, forwarding and nftables all happen there, so one JVM can
     * run several lab nodes. Protocol-name registration is skipped (it writes the host's /etc).
     */
    public static PodbgpDaemon startIn(String namespace, DesiredState initial) throws IOException {
        return new PodbgpDaemon(Optional.empty(), initial, Optional.of(namespace));
    }

    /**
     * Converges to a new state from the daemon's source. A change that needs a restart (AS,
     * router id, listen address) is refused with a log line and the running state kept.
     */
    public String apply(DesiredState next) throws ControlException {
        synchronized (reloadLock) {
            DesiredStateDiff diff;
            DesiredState effective;
            try {
                unnumbered.converge(next);
                effective = unnumbered.effective(next);
                diff = speaker.apply(effective);
            } catch (IllegalArgumentException e) {
                LOG.warn("state-refused").with("reason", e.getMessage()).log();
                throw new ControlException(e.getMessage() + "; the running config stays");
            }
            try {
                applyCni(next);
            } catch (IOException e) {
                throw new ControlException("routing was updated, but the CNI config could not be written: " + e.getMessage());
            }
            String processChanges = convergeProcesses(next);
            state = next;
            bfd.converge(speaker.state());
            gatewayWatch.changed();
            List<LogField> summary = ReloadSummary.of(diff);
            LOG.info("state-applied").with(summary).log();
            return ReloadSummary.text(summary) + (processChanges.isEmpty() ? "" : "\n" + processChanges);
        }
    }

    /**
     * An unnumbered peer's neighbour appeared or changed: the same configured state, run with the peers' new
     * link-local addresses. On the neighbour discovery thread.
     */
    private void neighborsChanged() {
        synchronized (reloadLock) {
            if (stopped) {
                return;
            }
            DesiredState effective = unnumbered.effective(state);
            try {
                List<LogField> summary = ReloadSummary.of(speaker.apply(effective));
                bfd.converge(speaker.state());
                LOG.info("unnumbered-peers-applied").with(summary).log();
            } catch (IllegalArgumentException e) {
                LOG.warn("unnumbered-peers-refused").with("reason", e.getMessage()).log();
            }
        }
    }

    public DesiredState state() {
        return state;
    }

    private String convergeProcesses(DesiredState s) {
        try {
            return processes.converge(s.processes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while starting or stopping processes";
        }
    }

    /** The configured peers as ExaBGP's {@code neighbor ...} selectors see them. */
    private List<PeerSelector.PeerIdentity> peerIdentities() {
        // The peers the speaker runs, not only the file's: a helper's routes go to the default gateway's peer and to
        // dynamic neighbours too, so a selector is resolved against them as well.
        DesiredState s = speaker.state();
        List<PeerSelector.PeerIdentity> out = new ArrayList<>();
        for (PeerStatus p : speaker.peers()) {
            IpAddress local = s.peer(p.address()).flatMap(DesiredPeer::localAddress)
                    .orElse(p.address().family() == dev.podbgp.inet.AddressFamily.IPV4
                            ? dev.podbgp.inet.Ipv4Address.ANY : dev.podbgp.inet.Ipv6Address.ANY);
            out.add(new PeerSelector.PeerIdentity(p.address(), local, s.node().asn(), p.asn(), s.node().routerId()));
        }
        return out;
    }

    /** The helper processes, for status and tests. */
    public ProcessSupervisor processes() {
        return processes;
    }

    /** Whether every route the RIB handed to the FIB writer so far is in the kernel. */
    public boolean awaitFibWritten(Duration timeout) throws InterruptedException {
        return fib.awaitWritten(timeout);
    }

    public Speaker speaker() {
        return speaker;
    }

    /** What the heap trim sizes the table by; 0 until the speaker exists (it is made after the trim listens). */
    private long ribPaths() {
        Speaker s = speaker;
        return s == null ? 0 : s.pathCount();
    }

    // ---- control API ----

    @Override
    public List<NeighborView> neighbors() throws ControlException {
        List<NeighborView> out = new ArrayList<>();
        Instant now = Instant.now();
        for (PeerStatus p : speaker.peers()) {
            PrefixCounts counts = speaker.prefixCounts(p.address());
            out.add(new NeighborView(p.address().toString(), p.asn(), p.state().rfcName(),
                    Duration.between(p.since(), now).toSeconds(), counts.received(), counts.accepted(),
                    counts.advertised(), p.lastError(), bfd.state(p.address()), bfd.flaps(p.address()),
                    nextHops(p.nextHops()), p.withoutNextHop().stream().map(Object::toString).toList(),
                    p.dynamicRange().map(Object::toString).orElse("")));
        }
        return out;
    }

    private static List<String> nextHops(SelfNextHops self) {
        return Stream.of(self.ipv4(), self.ipv6(), self.ipv6LinkLocal()).filter(Objects::nonNull)
                .map(Object::toString).toList();
    }

    @Override
    public List<RouteView> routes(Optional<Prefix> filter) throws ControlException {
        return query(rib -> RouteViews.of(rib, filter));
    }

    @Override
    public List<FibView> fib() throws ControlException {
        RouteOwner owner = owner(state);
        List<FibView> out = new ArrayList<>();
        try (RouteWriter dump = namespace.isPresent()
                ? RouteWriter.openIn(NetworkNamespace.named(namespace.get()), owner, (tag, errno, reason) -> { })
                : RouteWriter.open(owner, (tag, errno, reason) -> { })) {
            for (int family : new int[] {Rtnetlink.AF_INET, Rtnetlink.AF_INET6}) {
                for (KernelRoute r : dump.dumpRoutes(family)) {
                    out.add(new FibView(r.prefix().toString(), r.gateway() == null ? List.of() : List.of(r.gateway().toString()),
                            r.table(), r.protocol(), "installed", ""));
                }
            }
        } catch (IOException e) {
            throw new ControlException("could not read the kernel's routes: " + e.getMessage());
        }
        return out;
    }

    @Override
    public String config() {
        // What runs: the file's settings with the default gateway's peer, once found.
        return ConfigText.of(speaker.state());
    }

    @Override
    public String routeCommand(Command command) throws ControlException {
        return switch (command) {
            case Command.Announce a -> {
                processRoutes.takenOver(a.prefixes());
                speaker.originate(a);
                yield "announced " + a.routes().size() + " route(s)";
            }
            case Command.Withdraw w -> {
                processRoutes.takenOver(w.prefixes());
                speaker.withdrawOriginated(w);
                yield "withdrew " + w.routes().size() + " route(s)";
            }
            case Command.EndOfRib e -> throw new ControlException("End-of-RIB is sent by podbgp itself after each table");
        };
    }

    @Override
    public String reload() throws ControlException {
        if (configFile.isEmpty()) {
            throw new ControlException("this daemon takes its state from Kubernetes and follows it as it changes; nothing to reload");
        }
        Path file = configFile.get();
        LoadedConfig next;
        try {
            next = ConfigLoader.load(file);
        } catch (ConfigException e) {
            LOG.warn("reload-refused").with("file", file).with("errors", e.errors().size()).log();
            throw new ControlException("the new config is invalid; the running one stays:\n" + errors(e.errors()));
        }
        return apply(next.state());
    }

    @Override
    public String clearNeighbor(IpAddress address, ClearScope scope) throws ControlException {
        try {
            String done = switch (scope) {
                case HARD -> speaker.neighborCommands().clear(address);
                case SOFT_IN -> speaker.neighborCommands().refreshFrom(address);
                case SOFT_OUT -> speaker.neighborCommands().resendTo(address);
            };
            LOG.info("clear-neighbor").with("peer", address).with("scope", scope).log();
            return done;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ControlException(e.getMessage());
        }
    }

    private <T> T query(java.util.function.Function<dev.podbgp.rib.Rib, T> q) throws ControlException {
        try {
            return speaker.query(q, QUERY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException("interrupted");
        } catch (IllegalStateException e) {
            throw new ControlException(e.getMessage());
        }
    }

    /**
     * A scheduled task that throws is never run again, and the heap's bound is what the node gives: without its
     * checks the heap would grow with garbage towards it.
     */
    private void checkHeap() {
        try {
            heapTrim.check();
        } catch (RuntimeException e) {
            LOG.warn("heap-trim-failed").with("error", String.valueOf(e)).log();
        }
    }

    /**
     * The quiet heap trim's step before its collection (metrics thread): the RIB thread and the FIB writer each trim
     * their own tables, so that the collection frees the room the large change left. One that is late (a new burst of
     * work) trims all the same, just after; the collection then misses that room until the next trim.
     */
    private void trimTables() {
        try {
            boolean rib = speaker.trimTables(TABLE_TRIM_WAIT);
            boolean fibTrimmed = fib.trimTables(TABLE_TRIM_WAIT);
            if (!rib || !fibTrimmed) {
                LOG.warn("table-trim-late").with("rib", rib).with("fib", fibTrimmed)
                        .with("waited-ms", TABLE_TRIM_WAIT.toMillis()).log();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The gauges and counters that are read rather than pushed: per-peer prefix counts and UPDATE
     * totals, the Loc-RIB size, the routes in the kernel. Every few seconds, on its own thread;
     * the RIB part is one query on the RIB thread.
     */
    private void refreshMetrics() {
        try {
            for (NeighborView n : neighbors()) {
                metrics.prefixes(n.address(), "all", n.received(), n.accepted(), n.advertised());
            }
            for (PeerStatus p : speaker.peers()) {
                long[] counted = countedUpdates.computeIfAbsent(p.address(), a -> new long[2]);
                String peer = p.address().toString();
                metrics.updatesReceived(peer, p.updatesIn() - counted[0]);
                metrics.updatesSent(peer, p.updatesOut() - counted[1]);
                counted[0] = p.updatesIn();
                counted[1] = p.updatesOut();
            }
            metrics.ribPrefixes("loc-rib", "all", speaker.locRibSize());
            List<ServiceRoute> services = speaker.state().serviceRoutes();
            long v4 = services.stream().filter(r -> r.prefix().family() == AddressFamily.IPV4).count();
            metrics.serviceRoutes("ipv4 unicast", v4);
            metrics.serviceRoutes("ipv6 unicast", services.size() - v4);
            metrics.fibRoutes("ipv4 unicast", fib.writtenRoutes(false));
            metrics.fibRoutes("ipv6 unicast", fib.writtenRoutes(true));
        } catch (ControlException | RuntimeException e) {
            LOG.debug("metrics-refresh-failed").with("error", e.getMessage()).log();
        }
    }

    // ---- lifecycle ----

    /**
     * SIGTERM. Two ways, by {@code fib.keepOnExit}:
     * <ul>
     *   <li>kept (a restart or upgrade): the FIB is detached first, so nothing the sessions' end does reaches the
     *       kernel; then each session ends the way that makes its peer keep our routes (RFC 8538 graceful
     *       NOTIFICATION, or a plain close for a graceful-restart peer without it). The next start finds the routes
     *       and takes them over.</li>
     *   <li>not kept: every peer gets Cease/Administrative Shutdown with {@code communication} and withdraws our
     *       routes; then ours leave the kernel.</li>
     * </ul>
     * A daemon whose FIB writer failed stops the first way: the kernel's routes are the last good state.
     */
    public synchronized void stop(String communication) {
        if (stopped) {
            return;
        }
        stopped = true;
        boolean handOver = state.fib().keepOnExit() || fib.failure() != null;
        LOG.info("stopping").with("reason", communication).with("routes", handOver ? "kept" : "removed").log();
        metricsRefresh.shutdownNow();
        closeQuietly(unnumbered);
        closeQuietly(gatewayWatch);
        closeQuietly(fallover);
        // Before BGP: the peers hear AdminDown, which RFC 5882 §3.2 tells them not to treat as a failure.
        closeQuietly(bfd);
        if (handOver) {
            closeQuietly(fib::detach);
            speaker.shutdownForRestart(communication);
        } else {
            speaker.shutdown(communication);
            closeQuietly(fib);
        }
        // After the speaker: what the helpers print as they end reaches no peer, in either way of stopping.
        closeQuietly(processes);
        closeQuietly(control);
        closeQuietly(metricsServer);
        closeQuietly(instanceLock);
    }

    /**
     * Completes when the daemon can no longer do its job and must be restarted: the FIB writer's thread stopped
     * (a netlink socket error), so the kernel no longer follows the RIB. {@code podbgp run} then stops, keeping the
     * kernel's routes, and exits non-zero for its supervisor to start it again.
     */
    public CompletableFuture<String> failed() {
        return failed;
    }

    @Override
    public void close() {
        stop("podbgp stopping");
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("close-failed").with("what", c.getClass().getSimpleName()).with("error", e.getMessage()).log();
        }
    }

    static String errors(List<ConfigError> errors) {
        StringBuilder b = new StringBuilder();
        for (ConfigError e : errors) {
            b.append(e).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /**
     * The bridge conflist and host rules for the node's podCIDRs. A node may have none yet (a
     * Kubernetes Node before the controller assigned one): then there is nothing to write, and
     * the next state with a podCIDR writes it.
     */
    private void applyCni(DesiredState s) throws IOException {
        if (s.originated().isEmpty()) {
            LOG.info("cni-waiting").with("reason", "no podCIDR yet").log();
            return;
        }
        cni.apply(s.originated(), s.clusterPodCidrs());
    }

    /** So that {@code ip route} says {@code proto podbgp}; iproute2 reads the directory when present. */
    private static void registerProtocolName(RouteOwner owner) {
        Path dir = Path.of("/etc/iproute2/rt_protos.d");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        try {
            owner.registerName(dir);
        } catch (IOException e) {
            LOG.info("protocol-name-not-registered").with("dir", dir).with("error", e.getMessage()).log();
        }
    }

    private static RouteOwner owner(DesiredState s) {
        return new RouteOwner(s.fib().protocol(), (int) s.fib().table(), 0);
    }

    private static CniPairing.Settings cniSettings(DesiredState s) {
        CniSpec spec = s.cni();
        CniPairing.Settings d = CniPairing.Settings.defaults();
        return new CniPairing.Settings(spec.confDir(), d.fileName(), spec.bridgeName(),
                spec.mtu().isPresent() ? Optional.of(spec.mtu().getAsInt()) : Optional.empty(), uplink(s, d), d.ipamDataDir(),
                s.peers().stream().map(p -> p.address().toString()).toList());
    }

    /**
     * An unnumbered peer's interface is the uplink: such a node may have no default route (a router advertising
     * lifetime 0 gives none) and its peer has no address to look a route up for until it has been heard.
     */
    private static Optional<String> uplink(DesiredState s, CniPairing.Settings d) {
        return d.uplink().or(() -> s.interfacePeers().stream().flatMap(p -> p.interfaceName().stream()).findFirst());
    }

    /** Feeds metrics and logs from session events. */
    private final class Events implements SpeakerEvents {
        @Override
        public void stateChanged(InetAddress peer, SessionState from, SessionState to) {
            String host = peer.getHostAddress();
            // The config's form of the address (RFC 5952, no "%eth0" scope of a link-local peer): the label every
            // per-peer metric uses, so the session, prefix and BFD series of one IPv6 peer match.
            IpAddress address = IpAddress.parse(host.indexOf('%') < 0 ? host : host.substring(0, host.indexOf('%')));
            metrics.sessionState(address.toString(), to);
            if (from == SessionState.ESTABLISHED) {
                metrics.sessionFlap(address.toString());
            }
            FastFallover f = fallover;
            BfdClient b = bfd;
            if (to == SessionState.ESTABLISHED && f != null && b != null) {
                f.established(address);
                b.established(address);
            }
        }

        @Override
        public void connected(ExabgpNeighbor session) {
            toProcesses(new PeerEvent.Connected(session));
        }

        @Override
        public void established(ExabgpNeighbor session, NegotiatedSession negotiated) {
            toProcesses(new PeerEvent.Up(session, negotiated));
        }

        @Override
        public void down(ExabgpNeighbor session, String reason) {
            toProcesses(new PeerEvent.Down(session, reason));
        }

        @Override
        public boolean wantsUpdates() {
            ProcessSupervisor p = processes;
            return p != null && p.wantsUpdates();
        }

        @Override
        public void updateReceived(ExabgpNeighbor session, Update update) {
            toProcesses(new PeerEvent.UpdateReceived(session, update));
        }

        private void toProcesses(PeerEvent event) {
            ProcessSupervisor p = processes;
            if (p != null) {
                p.event(event);
            }
        }
    }

    private final class FibEvents implements FibListener {
        private final NextHopChanges nextHopChanges = new NextHopChanges(metrics);

        @Override
        public void onNextHopChanged(Prefix prefix, NextHop from, NextHop to) {
            nextHopChanges.changed(prefix, from, to);
        }

        @Override
        public void onBatch(int written, int failed) {
            nextHopChanges.batchDone();
        }

        @Override
        public void onFailure(Prefix prefix, int errno, String reason, int attempt) {
            metrics.fibError("write");
            LOG.warn("fib-failure").with("prefix", prefix).with("errno", errno).with("reason", reason).with("attempt", attempt).log();
        }

        @Override
        public void onHealed(Prefix prefix) {
            LOG.info("fib-healed").with("prefix", prefix).log();
        }

        @Override
        public void onLinkDown(String name) {
            FastFallover f = fallover;
            if (f != null) {
                f.linkDown(name);
            }
        }

        @Override
        public void onLinkUp(String name) {
            FastFallover f = fallover;
            if (f != null) {
                f.linkUp(name);
            }
        }

        @Override
        public void onDefaultRouteChanged(boolean ipv6) {
            GatewayPeerWatch w = gatewayWatch;
            if (w != null) {
                w.changed();
            }
        }

        @Override
        public void onWriterStopped(IOException failure) {
            LOG.error("fib-writer-failed").with("error", failure.getMessage()).log();
            failed.complete("the FIB writer stopped: " + failure.getMessage());
        }
    }

    static Family family(Prefix p) {
        return p.family() == dev.podbgp.inet.AddressFamily.IPV4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
    }
}
