package dev.podbgp.demo;

import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.frr.UnnumberedFrr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's shape on links without IPv4 (docs/unnumbered.md): each node's uplink has only the
 * kernel's IPv6 link-local addresses, FRR peers with {@code neighbor IFNAME interface remote-as
 * external}, and podbgp with {@code peers[].interface}. IPv4 pod routes travel over IPv6 next hops
 * (RFC 8950).
 *
 * <pre>
 *            tor: FRR, AS 65000, originates 10.99.0.0/24
 *         eth0 /        \ eth1            (link-local only)
 *        eth0 /          \ eth0
 *   node1: podbgp, AS 65001    node2: podbgp, AS 65002
 *   pods 10.240.1.0/24         pods 10.240.2.0/24
 * </pre>
 */
public final class UnnumberedTopology {
    public static final Prefix TOR_PREFIX = Prefix.parse("10.99.0.0/24");

    private final Node torNode;
    private final UnnumberedFrr tor;
    private final List<DemoNode> nodes;
    private final List<String> torInterfaces;

    private UnnumberedTopology(Node torNode, UnnumberedFrr tor, List<DemoNode> nodes, List<String> torInterfaces) {
        this.torNode = torNode;
        this.tor = tor;
        this.nodes = nodes;
        this.torInterfaces = torInterfaces;
    }

    /**
     * Namespaces, bare links, FRR and {@code nodeCount} node configs (1 or 2); no podbgp yet.
     *
     * @param torPassive FRR waits for podbgp to connect; otherwise podbgp waits ({@code passive: true}) for FRR
     */
    public static UnnumberedTopology build(Lab lab, int nodeCount, boolean torPassive) {
        Node torNode = lab.node("tor");
        torNode.enableForwarding();
        List<DemoNode> nodes = new ArrayList<>();
        List<String> torInterfaces = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            Node n = lab.node("node" + i);
            List<String> link = lab.bareLink(torNode, n);
            torInterfaces.add(link.get(0));
            // When FRR is not passive, podbgp is: only FRR connects, and podbgp must accept it from the
            // link-local address it heard.
            nodes.add(node(lab, n, i, link.get(1), !torPassive));
        }
        UnnumberedFrr frr = UnnumberedFrr.start(torNode, DemoTopology.TOR_AS, Ipv4Address.parse("10.255.0.100"),
                torInterfaces, torPassive, List.of(TOR_PREFIX));
        return new UnnumberedTopology(torNode, frr, List.copyOf(nodes), List.copyOf(torInterfaces));
    }

    /**
     * Demo node number {@code i} (AS 6500i, pods 10.240.i.0/24) peering with the router over {@code uplink};
     * its router id 10.255.0.i stands in for the address the link does not have.
     */
    public static DemoNode node(Lab lab, Node n, int i, String uplink, boolean passive) {
        Path dir = DemoTopology.nodeDir(lab, n);
        NodeConfig c = new NodeConfig(n.label(), Ipv4Address.parse("10.255.0." + i), 65000L + i, Ipv6Address.ANY,
                DemoTopology.TOR_AS, List.of(Prefix.parse("10.240." + i + ".0/24")), List.of(DemoTopology.CLUSTER),
                List.of(), dir.resolve("net.d"), dir.resolve("podbgp.sock")).withTorInterface(uplink, passive);
        return DemoTopology.demoNode(lab, n, dir, c);
    }

    public Node torNode() {
        return torNode;
    }

    public UnnumberedFrr tor() {
        return tor;
    }

    public List<DemoNode> nodes() {
        return nodes;
    }

    /** The router's interface towards {@code nodes().get(index)}. */
    public String torInterface(int index) {
        return torInterfaces.get(index);
    }
}
