package dev.podbgp.demo;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.frr.FrrBackend;
import dev.podbgp.lab.frr.FrrPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The demo's network, shared by {@code podbgp demo} and the end-to-end tests so the two cannot
 * drift apart:
 *
 * <pre>
 *               tor: FRR, AS 65000 (zebra installs what it learns)
 *        10.77.1.1 /        \ 10.77.2.1
 *                 /          \
 *      10.77.1.2 /            \ 10.77.2.2
 *   node1: podbgp, AS 65001    node2: podbgp, AS 65002
 *   pods 10.240.1.0/24         pods 10.240.2.0/24
 * </pre>
 *
 * FRR is the Debian package in the router's namespace (zebra installs what bgpd learns into that
 * namespace's kernel); no Docker engine is involved. Each node's default route points at the router, as a rack's would; the router has no route to
 * any pod until BGP gives it one. podbgp is not started here: callers decide when.
 */
public final class DemoTopology {
    public static final long TOR_AS = 65000;
    public static final Prefix CLUSTER = Prefix.parse("10.240.0.0/16");
    /** The cluster's IPv6 pod network of {@link #buildDualStack}: a /64 per node. */
    public static final Prefix CLUSTER6 = Prefix.parse("fd00:10:240::/48");

    private final Lab lab;
    private final Node torNode;
    private final FrrPeer tor;
    private final List<DemoNode> nodes;
    private final List<Link> uplinks;

    private DemoTopology(Lab lab, Node torNode, FrrPeer tor, List<DemoNode> nodes, List<Link> uplinks) {
        this.lab = lab;
        this.torNode = torNode;
        this.tor = tor;
        this.nodes = nodes;
        this.uplinks = uplinks;
    }

    /** Namespaces, links, FRR, and a config file per node; no podbgp yet. */
    public static DemoTopology build(Lab lab) {
        return build(lab, false);
    }

    /** As {@link #build(Lab)}, with graceful restart on the router when {@code torGracefulRestart}. */
    public static DemoTopology build(Lab lab, boolean torGracefulRestart) {
        return build(lab, torGracefulRestart ? PeerConfig::withGracefulRestart : c -> c);
    }

    /** As {@link #build(Lab)}, with the router's config changed by {@code tor} (graceful restart, BFD). */
    public static DemoTopology build(Lab lab, UnaryOperator<PeerConfig> torConfig) {
        return build(lab, torConfig, false);
    }

    /**
     * As {@link #build(Lab)} with a dual-stack pod network: each node also has an IPv6 podCIDR
     * ({@code fd00:10:240:N::/64}), and its one IPv4 session with the router carries both families.
     */
    public static DemoTopology buildDualStack(Lab lab) {
        return build(lab, c -> c, true);
    }

    private static DemoTopology build(Lab lab, UnaryOperator<PeerConfig> torConfig, boolean dualStack) {
        Node torNode = lab.node("tor");
        torNode.enableForwarding();
        Node n1 = lab.node("node1");
        Node n2 = lab.node("node2");
        Link l1 = lab.link(torNode, n1);
        Link l2 = lab.link(torNode, n2);
        List<Prefix> cluster = dualStack ? List.of(CLUSTER, CLUSTER6) : List.of(CLUSTER);
        DemoNode node1 = uplinkedNode(lab, n1, l1, 65001, TOR_AS, podCidrs(1, dualStack), cluster);
        DemoNode node2 = uplinkedNode(lab, n2, l2, 65002, TOR_AS, podCidrs(2, dualStack), cluster);
        IpAddress t1 = l1.address(torNode, AddressFamily.IPV4);
        PeerConfig tor = PeerConfig.of(t1.toString(), TOR_AS)
                .neighbor(towards(t1, node1))
                .neighbor(towards(l2.address(torNode, AddressFamily.IPV4), node2));
        if (dualStack) {
            // FRR takes a session's link-local next hop from its interface when the session comes up; peering while
            // that address is still tentative (duplicate detection, about a second) it sends IPv6 routes without one
            // for the whole session. So FRR starts once its link-locals are usable.
            for (Link l : List.of(l1, l2)) {
                Await.until("the router's link-local on " + l.aInterface() + " past duplicate detection", Duration.ofSeconds(10),
                        () -> !torNode.exec("ip", "-6", "addr", "show", "dev", l.aInterface(), "scope", "link", "-tentative")
                                .orThrow().isBlank(),
                        () -> torNode.exec("ip", "-6", "addr", "show", "dev", l.aInterface()).orThrow());
            }
        }
        FrrPeer frr = FrrPeer.start(torNode, torConfig.apply(tor), FrrBackend.NAMESPACE);
        return new DemoTopology(lab, torNode, frr, List.of(node1, node2), List.of(l1, l2));
    }

    private static List<Prefix> podCidrs(int node, boolean dualStack) {
        Prefix v4 = Prefix.parse("10.240." + node + ".0/24");
        return dualStack ? List.of(v4, Prefix.parse("fd00:10:240:" + node + "::/64")) : List.of(v4);
    }

    /** The router's neighbor for {@code node}: over IPv4, with IPv6 too when the node is dual-stack. */
    public static Neighbor towards(IpAddress local, DemoNode node) {
        Neighbor n = Neighbor.of(local, node.config().address(), node.config().asn());
        return node.config().dualStack() ? n.families(AddressFamily.IPV4, AddressFamily.IPV6) : n;
    }

    /**
     * A podbgp node on {@code uplink}: its default route through the router, its lab directory and config file
     * (eBGP over IPv4 to the other end of the uplink, AS {@code torAsn}); podbgp not started.
     */
    public static DemoNode uplinkedNode(Lab lab, Node n, Link uplink, long asn, long torAsn, List<Prefix> podCidrs,
            List<Prefix> cluster) {
        IpAddress self = uplink.address(n, AddressFamily.IPV4);
        IpAddress torAddr = uplink.peerAddress(n, AddressFamily.IPV4);
        n.exec("ip", "route", "add", "default", "via", torAddr.toString()).orThrow();
        Path dir = nodeDir(lab, n);
        NodeConfig c = new NodeConfig(n.label(), self, asn, torAddr, torAsn, podCidrs, cluster,
                List.of(), dir.resolve("net.d"), dir.resolve("podbgp.sock"));
        return demoNode(lab, n, dir, c);
    }

    /** The node's lab directory, with its CNI conf dir. */
    static Path nodeDir(Lab lab, Node n) {
        Path dir = lab.workDir().resolve(n.label());
        try {
            Files.createDirectories(dir.resolve("net.d"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    /** A demo node with its config file written and its log and routes in the lab's report. */
    static DemoNode demoNode(Lab lab, Node n, Path dir, NodeConfig c) {
        DemoNode node = new DemoNode(n, dir, c);
        node.writeConfig(c);
        lab.addDiagnostics("podbgp " + n.label(), () -> node.podbgp()
                .map(p -> p.logTail(40)).orElse("(not started)") + "\n-- kernel routes:\n" + node.kernelRoutes());
        return node;
    }

    public Lab lab() {
        return lab;
    }

    public Node torNode() {
        return torNode;
    }

    public FrrPeer tor() {
        return tor;
    }

    public List<DemoNode> nodes() {
        return nodes;
    }

    public DemoNode node1() {
        return nodes.get(0);
    }

    public DemoNode node2() {
        return nodes.get(1);
    }

    /** The link between the router and {@code node}, which is one of {@link #nodes()}. */
    public Link uplink(DemoNode node) {
        return uplinks.get(nodes.indexOf(node));
    }
}
