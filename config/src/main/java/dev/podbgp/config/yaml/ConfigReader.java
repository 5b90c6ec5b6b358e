package dev.podbgp.config.yaml;

import dev.podbgp.config.AggregateSpec;
import dev.podbgp.config.CniSpec;
import dev.podbgp.config.DynamicPeerSpec;
import dev.podbgp.config.FibSpec;
import dev.podbgp.config.GatewayPeerSpec;
import dev.podbgp.config.GracefulRestartSpec;
import dev.podbgp.config.ListenSpec;
import dev.podbgp.config.LoggingSpec;
import dev.podbgp.config.MeshSpec;
import dev.podbgp.config.MetricsSpec;
import dev.podbgp.config.NodeSpec;
import dev.podbgp.config.PeerSpec;
import dev.podbgp.config.PodbgpConfig;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.ProcessSpec;
import dev.podbgp.config.ServiceSpec;
import dev.podbgp.config.RolesSpec;
import dev.podbgp.config.ConfigError.Severity;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a config file's text into a {@link PodbgpConfig}, recording every problem in the
 * {@link Diagnostics}; returns empty when any error was found.
 */
public final class ConfigReader {
    private final Diagnostics d;
    private final Path baseDir;

    private boolean identityFromCluster;

    private ConfigReader(Diagnostics d, Path baseDir) {
        this.d = d;
        this.baseDir = baseDir;
    }

    /**
     * @param baseDir where relative paths in the file ({@code passwordFile}) are resolved: the file's directory
     */
    public static Optional<PodbgpConfig> read(String text, Path baseDir, Diagnostics d) {
        return read(text, baseDir, d, false);
    }

    /**
     * @param identityFromCluster the file is the base shared by every node of a cluster (Kubernetes
     *     mode): the router id comes from each node's own object, so the file need not give one
     */
    public static Optional<PodbgpConfig> read(String text, Path baseDir, Diagnostics d, boolean identityFromCluster) {
        Optional<MappingNode> root = parse(text, d);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        ConfigReader reader = new ConfigReader(d, baseDir);
        reader.identityFromCluster = identityFromCluster;
        PodbgpConfig config = reader.root(YamlMap.of(root.get(), "", d, Keys.ROOT));
        return d.hasErrors() ? Optional.empty() : Optional.of(config);
    }

    private static Optional<MappingNode> parse(String text, Diagnostics d) {
        List<Node> documents = new ArrayList<>();
        try {
            LoaderOptions options = new LoaderOptions();
            // Aliases let a small file expand enormously ("billion laughs"); a config has no need for many.
            options.setMaxAliasesForCollections(20);
            for (Node n : new Yaml(new SafeConstructor(options)).composeAll(new StringReader(text))) {
                documents.add(n);
            }
        } catch (MarkedYAMLException e) {
            d.add(e.getProblemMark(), "", "YAML syntax: " + e.getProblem(), Severity.ERROR);
            return Optional.empty();
        } catch (YAMLException e) {
            d.add(null, "", "YAML syntax: " + e.getMessage(), Severity.ERROR);
            return Optional.empty();
        }
        if (documents.isEmpty()) {
            d.add(null, "", "the file is empty; at least node.asn is needed", Severity.ERROR);
            return Optional.empty();
        }
        if (documents.size() > 1) {
            d.error(documents.get(1), "", "a config is one YAML document; found " + documents.size());
            return Optional.empty();
        }
        if (!(documents.getFirst() instanceof MappingNode m)) {
            d.error(documents.getFirst(), "", "the top level must be a mapping of sections (node, peers, ...)");
            return Optional.empty();
        }
        return Optional.of(m);
    }

    private PodbgpConfig root(YamlMap root) {
        NodeSpec node = root.required("node").flatMap(v -> v.map(Keys.NODE)).map(this::node)
                .orElse(new NodeSpec("", Optional.empty(), 0, List.of(), List.of()));
        ListenSpec listen = root.get("listen").flatMap(v -> v.map(Keys.LISTEN)).map(this::listen)
                .orElse(ListenSpec.DEFAULT);
        RolesSpec roles = root.get("roles").flatMap(v -> v.map(Keys.ROLES)).map(this::roles)
                .orElse(RolesSpec.POD_CIDR_ONLY);
        List<PolicySpec> policies = root.get("policies").flatMap(YamlValue::namedMap)
                .map(m -> new PolicyReader().policies(m)).orElse(List.of());
        PeerReader peerReader = new PeerReader(node, roles, policies, baseDir);
        List<PeerSpec> peers = root.get("peers").map(peerReader::peers).orElse(List.of());
        if (identityFromCluster) {
            // A cluster's peers are BGPPeer objects; a base file's listen ranges or gateway peer would be dropped
            // without a word, so they are refused.
            for (String key : List.of("dynamicPeers", "defaultGatewayPeer", "services")) {
                root.get(key).ifPresent(v -> v.errorAtKey("'" + key + "' is not read from a cluster's base file (Kubernetes"
                        + " mode): its peers come from BGPPeer objects and its service addresses from Service objects;"
                        + " use the static mode for " + key));
            }
        }
        List<DynamicPeerSpec> dynamicPeers = root.get("dynamicPeers").map(peerReader::dynamicPeers).orElse(List.of());
        Optional<GatewayPeerSpec> gatewayPeer = root.get("defaultGatewayPeer").flatMap(v -> v.map(Keys.GATEWAY_PEER))
                .flatMap(peerReader::gatewayPeer);
        MeshSpec mesh = root.get("mesh").flatMap(v -> v.map(Keys.MESH)).map(m -> peerReader.mesh(m))
                .orElse(MeshSpec.DEFAULT);
        FibSpec fib = root.get("fib").flatMap(v -> v.map(Keys.FIB)).map(this::fib).orElse(FibSpec.DEFAULT);
        GracefulRestartSpec gr = root.get("gracefulRestart").flatMap(v -> v.map(Keys.GRACEFUL_RESTART))
                .map(this::gracefulRestart).orElse(GracefulRestartSpec.DEFAULT);
        CniSpec cni = root.get("cni").flatMap(v -> v.map(Keys.CNI)).map(m -> cni(m, node)).orElse(CniSpec.DEFAULT);
        Path control = root.get("controlSocket").flatMap(this::absolutePath).orElse(PodbgpConfig.DEFAULT_CONTROL_SOCKET);
        MetricsSpec metrics = root.get("metrics").flatMap(v -> v.map(Keys.METRICS)).map(this::metrics)
                .orElse(MetricsSpec.DEFAULT);
        LoggingSpec logging = root.get("logging").flatMap(v -> v.map(Keys.LOGGING)).map(this::logging)
                .orElse(LoggingSpec.DEFAULT);
        // A cluster's base file gets its peers from Kubernetes, so an address there cannot be checked against them.
        Set<IpAddress> knownPeers = identityFromCluster ? null : new HashSet<>(mesh.peers());
        if (knownPeers != null) {
            peers.forEach(p -> knownPeers.add(p.address()));
        }
        List<AggregateSpec> aggregates = root.get("aggregates").map(v -> new AggregateReader(knownPeers).aggregates(v))
                .orElse(List.of());
        List<ProcessSpec> processes = root.get("processes").map(v -> new ProcessReader().processes(v)).orElse(List.of());
        List<ServiceSpec> services = identityFromCluster ? List.of()
                : root.get("services").map(v -> new ServiceReader(node.podCidrs()).services(v)).orElse(List.of());
        routerIdDerivable(root, node, listen, peers);
        listensForUnnumbered(root, listen, peers);
        return new PodbgpConfig(node, listen, peers, mesh, policies, roles, fib, gr, cni, control, metrics, logging,
                aggregates, dynamicPeers, gatewayPeer, processes, services);
    }

    private NodeSpec node(YamlMap m) {
        String name = m.get("name").flatMap(YamlValue::word).orElse(defaultNodeName());
        Optional<Ipv4Address> routerId = m.get("routerId").flatMap(YamlValue::ipv4);
        routerId.filter(id -> id.bits() == 0).ifPresent(id -> m.get("routerId").orElseThrow()
                .error("0.0.0.0 is not a valid router id (RFC 6286 §2.1: non-zero)"));
        long asn = m.required("asn").flatMap(AsNumbers::read).orElse(0L);
        List<Prefix> cluster = m.get("clusterPodCidrs").map(v -> v.distinctListOf(YamlValue::prefix)).orElse(List.of());
        List<Prefix> pods = new ArrayList<>();
        m.get("podCidrs").ifPresent(v -> {
            for (YamlValue item : v.list()) {
                item.prefix().ifPresent(p -> {
                    if (pods.contains(p)) {
                        item.error("'" + p + "' is listed twice");
                        return;
                    }
                    pods.add(p);
                    boolean inside = cluster.stream().anyMatch(c -> c.contains(p));
                    boolean familyCovered = cluster.stream().anyMatch(c -> c.family() == p.family());
                    // A podCIDR outside the cluster range would be dropped by every mesh peer (DESIGN.md safe defaults).
                    if (familyCovered && !inside) {
                        item.error("'" + p + "' is not inside clusterPodCidrs " + cluster.stream()
                                .filter(c -> c.family() == p.family()).map(Prefix::toString).toList());
                    }
                });
            }
        });
        return new NodeSpec(name, routerId, asn, pods, cluster);
    }

    private static String defaultNodeName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "podbgp" : host;
    }

    /** RFC 6286 §2.1: a BGP identifier is a non-zero 32-bit value, by convention an IPv4 address of the node. */
    private void routerIdDerivable(YamlMap root, NodeSpec node, ListenSpec listen, List<PeerSpec> peers) {
        if (node.routerId().isPresent() || node.asn() == 0 || identityFromCluster) {
            return;
        }
        boolean derivable = isUsableIpv4(listen.address())
                || peers.stream().anyMatch(p -> p.localAddress().filter(ConfigReader::isUsableIpv4).isPresent());
        if (!derivable) {
            Node at = root.get("node").map(YamlValue::node).orElse(root.node());
            d.error(at, "node.routerId", "required: no IPv4 listen.address or peer localAddress to derive it from");
        }
    }

    /** An unnumbered peer connects to us over IPv6 link-local, which a socket bound to an IPv4 address never sees. */
    private void listensForUnnumbered(YamlMap root, ListenSpec listen, List<PeerSpec> peers) {
        if (listen.address() instanceof Ipv4Address && peers.stream().anyMatch(p -> p.interfaceName().isPresent())) {
            Node at = root.get("listen").map(YamlValue::node).orElse(root.node());
            d.error(at, "listen.address", "interface peers connect over IPv6 link-local addresses: set listen.address to \"::\" (also accepts IPv4)");
        }
    }

    static boolean isUsableIpv4(IpAddress a) {
        return a instanceof Ipv4Address v4 && v4.bits() != 0;
    }

    private ListenSpec listen(YamlMap m) {
        IpAddress address = m.get("address").flatMap(YamlValue::address).orElse(ListenSpec.DEFAULT.address());
        int port = m.get("port").flatMap(v -> v.integer(1, 65535)).orElse(ListenSpec.BGP_PORT);
        return new ListenSpec(address, port);
    }

    private RolesSpec roles(YamlMap m) {
        boolean rr = m.get("routeReflector").flatMap(YamlValue::bool).orElse(false);
        Optional<Ipv4Address> clusterId = m.get("clusterId").flatMap(YamlValue::ipv4);
        if (clusterId.isPresent() && !rr) {
            m.get("clusterId").orElseThrow().error("a cluster id needs routeReflector: true");
        }
        boolean transit = m.get("transit").flatMap(YamlValue::bool).orElse(false);
        return new RolesSpec(rr, clusterId, transit);
    }

    private FibSpec fib(YamlMap m) {
        long table = m.get("table").flatMap(v -> v.integer(1, 0xFFFF_FFFFL, "a routing table in 1..4294967295"))
                .orElse(FibSpec.MAIN_TABLE);
        m.get("table").filter(v -> table == 255 || table == 253).ifPresent(v ->
                v.error(table + " is the kernel's " + (table == 255 ? "local" : "default") + " table; use main (254) or a table of your own"));
        // 0..4 are the kernel's own (unspec, redirect, kernel, boot, static): reconcile would delete routes we do not own.
        int protocol = m.get("protocol").flatMap(v -> v.integer(5, 255)).orElse(FibSpec.PODBGP_PROTOCOL);
        int ecmp = m.get("ecmpWidth").flatMap(v -> v.integer(1, 256)).orElse(FibSpec.DEFAULT.ecmpWidth());
        boolean keep = m.get("keepOnExit").flatMap(YamlValue::bool).orElse(false);
        return new FibSpec(table, protocol, ecmp, keep);
    }

    private GracefulRestartSpec gracefulRestart(YamlMap m) {
        boolean enabled = m.get("enabled").flatMap(YamlValue::bool).orElse(false);
        int restart = m.get("restartTime").flatMap(v -> v.integer(1, 4095)).orElse(GracefulRestartSpec.DEFAULT.restartTime());
        int llgr = m.get("llgrStaleTime").flatMap(v -> v.integer(0, 0xFF_FFFF)).orElse(0);
        return new GracefulRestartSpec(enabled, restart, llgr);
    }

    private CniSpec cni(YamlMap m, NodeSpec node) {
        Path dir = m.get("confDir").flatMap(this::absolutePath).orElse(CniSpec.DEFAULT.confDir());
        String bridge = m.get("bridgeName").flatMap(YamlValue::word).filter(b -> validInterfaceName(m, b))
                .orElse(CniSpec.DEFAULT.bridgeName());
        OptionalInt mtu = OptionalInt.empty();
        Optional<YamlValue> mtuValue = m.get("mtu");
        if (mtuValue.isPresent() && !mtuValue.get().text().filter("auto"::equals).isPresent()) {
            Optional<Integer> n = mtuValue.get().integer(68, 65535, "'auto' or an MTU in 68..65535").map(Long::intValue);
            if (n.isPresent()) {
                mtu = OptionalInt.of(n.get());
                // RFC 8200 §5: every IPv6 link carries at least 1280 octets.
                if (n.get() < 1280 && node.podCidrs().stream().anyMatch(p -> p.family() == AddressFamily.IPV6)) {
                    mtuValue.get().error(n.get() + " is below 1280, the IPv6 minimum (RFC 8200 §5), and podCidrs has IPv6");
                }
            }
        }
        return new CniSpec(dir, bridge, mtu);
    }

    /** Linux dev_valid_name(): at most IFNAMSIZ-1 = 15 bytes, no '/', ':' or white space, not "." or "..". */
    private static boolean validInterfaceName(YamlMap m, String name) {
        boolean ok = name.length() <= 15 && !name.equals(".") && !name.equals("..")
                && name.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c > 126);
        if (!ok) {
            m.get("bridgeName").orElseThrow().error("'" + name + "' is not a Linux interface name (1..15 characters, no '/', ':' or spaces)");
        }
        return ok;
    }

    private Optional<Path> absolutePath(YamlValue v) {
        return v.word().flatMap(t -> {
            Path p = Path.of(t);
            if (!p.isAbsolute()) {
                v.error("'" + t + "' must be an absolute path");
                return Optional.empty();
            }
            return Optional.of(p);
        });
    }

    private MetricsSpec metrics(YamlMap m) {
        boolean enabled = m.get("enabled").flatMap(YamlValue::bool).orElse(true);
        IpAddress address = m.get("address").flatMap(YamlValue::address).orElse(MetricsSpec.DEFAULT.address());
        int port = m.get("port").flatMap(v -> v.integer(1, 65535)).orElse(MetricsSpec.DEFAULT.port());
        return new MetricsSpec(enabled, address, port);
    }

    private LoggingSpec logging(YamlMap m) {
        LoggingSpec.Format format = m.get("format").flatMap(v -> v.oneOf(Keys.of("keyValue", "json")))
                .map(f -> f.equals("json") ? LoggingSpec.Format.JSON : LoggingSpec.Format.KEY_VALUE)
                .orElse(LoggingSpec.Format.KEY_VALUE);
        LoggingSpec.Level level = m.get("level").flatMap(v -> v.oneOf(Keys.of("trace", "debug", "info", "warn", "error")))
                .map(l -> LoggingSpec.Level.valueOf(l.toUpperCase(Locale.ROOT))).orElse(LoggingSpec.Level.INFO);
        return new LoggingSpec(format, level);
    }
}
