package dev.podbgp.demo;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.nio.file.Path;
import java.util.List;

/**
 * One demo node's podbgp config: eBGP to the top-of-rack router, the node's podCIDRs announced
 * through an export policy (which may add communities), and every path under the node's own
 * lab directory so two nodes on one machine never share a socket or a CNI conf dir.
 */
public record NodeConfig(String name, IpAddress address, long asn, IpAddress torAddress, long torAsn,
        List<Prefix> podCidrs, List<Prefix> clusterPodCidrs, List<String> exportCommunities, Path confDir,
        Path controlSocket, boolean gracefulRestart, boolean keepOnExit, String torBfd, String torInterface, boolean torPassive) {

    public NodeConfig {
        podCidrs = List.copyOf(podCidrs);
        clusterPodCidrs = List.copyOf(clusterPodCidrs);
        exportCommunities = List.copyOf(exportCommunities);
    }

    /** Graceful restart off, routes removed on exit: podbgp's defaults. */
    public NodeConfig(String name, IpAddress address, long asn, IpAddress torAddress, long torAsn,
            List<Prefix> podCidrs, List<Prefix> clusterPodCidrs, List<String> exportCommunities, Path confDir,
            Path controlSocket) {
        this(name, address, asn, torAddress, torAsn, podCidrs, clusterPodCidrs, exportCommunities, confDir,
                controlSocket, false, false, "", "", false);
    }

    /** {@code gracefulRestart.enabled} and {@code fib.keepOnExit}. */
    public NodeConfig withRestart(boolean gracefulRestart, boolean keepOnExit) {
        return new NodeConfig(name, address, asn, torAddress, torAsn, podCidrs, clusterPodCidrs, exportCommunities,
                confDir, controlSocket, gracefulRestart, keepOnExit, torBfd, torInterface, torPassive);
    }

    /** BFD with the router at these intervals: {@code peers[].bfd} (docs/config.md). */
    public NodeConfig withTorBfd(int txMillis, int rxMillis, int multiplier) {
        return new NodeConfig(name, address, asn, torAddress, torAsn, podCidrs, clusterPodCidrs, exportCommunities,
                confDir, controlSocket, gracefulRestart, keepOnExit,
                "{minTx: " + txMillis + ", minRx: " + rxMillis + ", multiplier: " + multiplier + "}", torInterface, torPassive);
    }

    /**
     * The router as an unnumbered peer on {@code interfaceName} (docs/unnumbered.md): {@code peers[].interface}
     * instead of its address, listening on {@code ::}; {@code address} is then only the router id. {@code passive}:
     * podbgp waits for the router to connect.
     */
    public NodeConfig withTorInterface(String interfaceName, boolean passive) {
        return new NodeConfig(name, address, asn, torAddress, torAsn, podCidrs, clusterPodCidrs, exportCommunities,
                confDir, controlSocket, gracefulRestart, keepOnExit, torBfd, interfaceName, passive);
    }

    public NodeConfig withPodCidrs(List<Prefix> cidrs) {
        return new NodeConfig(name, address, asn, torAddress, torAsn, cidrs, clusterPodCidrs, exportCommunities,
                confDir, controlSocket, gracefulRestart, keepOnExit, torBfd, torInterface, torPassive);
    }

    public NodeConfig withExportCommunities(List<String> communities) {
        return new NodeConfig(name, address, asn, torAddress, torAsn, podCidrs, clusterPodCidrs, communities,
                confDir, controlSocket, gracefulRestart, keepOnExit, torBfd, torInterface, torPassive);
    }

    /** The YAML podbgp reads (docs/config.md). Short timers: the lab should settle in seconds. */
    public String yaml() {
        StringBuilder y = new StringBuilder();
        y.append("# written by podbgp demo for lab node ").append(name).append('\n');
        y.append("node:\n");
        y.append("  name: ").append(name).append('\n');
        y.append("  routerId: ").append(address).append('\n');
        y.append("  asn: ").append(asn).append('\n');
        y.append("  podCidrs: ").append(list(podCidrs.stream().map(Prefix::toString).toList())).append('\n');
        y.append("  clusterPodCidrs: ").append(list(clusterPodCidrs.stream().map(Prefix::toString).toList())).append('\n');
        y.append("listen:\n  address: ").append(torInterface.isEmpty() ? address.toString() : "\"::\"").append("\n  port: 179\n");
        y.append("peers:\n");
        if (torInterface.isEmpty()) {
            y.append("  - address: ").append(torAddress).append('\n');
            y.append("    asn: ").append(torAsn).append('\n');
            y.append("    localAddress: ").append(address).append('\n');
        } else {
            y.append("  - interface: ").append(torInterface).append('\n');
            y.append("    asn: ").append(torAsn).append('\n');
            y.append("    passive: ").append(torPassive).append('\n');
        }
        y.append("    timers: {holdTime: 9, keepalive: 3, connectRetry: 1}\n");
        y.append("    exportPolicy: to-tor\n");
        if (dualStack()) {
            // One IPv4 session carries both families; the IPv6 next hop is the node's own on the uplink.
            y.append("    families: [ipv4 unicast, ipv6 unicast]\n");
        }
        if (!torBfd.isEmpty()) {
            y.append("    bfd: ").append(torBfd).append('\n');
        }
        y.append("policies:\n  to-tor:\n    default: reject\n    rules:\n");
        y.append("      - name: pods\n");
        y.append("        match:\n          prefixes: ")
                .append(list(clusterPodCidrs.stream().map(p -> p + " le " + podCidrLength(p)).toList())).append('\n');
        if (!exportCommunities.isEmpty()) {
            y.append("        actions:\n          - addCommunity: ").append(list(exportCommunities)).append('\n');
        }
        y.append("        then: accept\n");
        y.append("cni:\n  confDir: ").append(confDir).append("\n  bridgeName: cni0\n  mtu: auto\n");
        if (gracefulRestart) {
            y.append("gracefulRestart:\n  enabled: true\n  restartTime: 120\n");
        }
        if (keepOnExit) {
            y.append("fib:\n  keepOnExit: true\n");
        }
        y.append("controlSocket: ").append(controlSocket).append('\n');
        y.append("metrics:\n  enabled: false\n");
        y.append("logging:\n  format: keyValue\n  level: info\n");
        return y.toString();
    }

    /** podCIDRs of both families: the node announces both over its one session to the router. */
    public boolean dualStack() {
        return podCidrs.stream().map(Prefix::family).distinct().count() > 1;
    }

    /** The longest podCIDR the export policy lets out: a /24 per node for IPv4, a /64 for IPv6. */
    private static int podCidrLength(Prefix cluster) {
        return cluster.family() == AddressFamily.IPV4 ? 24 : 64;
    }

    private static String list(List<String> items) {
        return items.stream().map(s -> "\"" + s + "\"").toList().toString();
    }
}
