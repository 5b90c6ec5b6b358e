package dev.podbgp.e2e;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Node;

/**
 * What kube-proxy would program on a node for a Service address, in a lab where nothing plays kube-proxy: a DNAT
 * of the address to one local endpoint pod. podbgp only attracts the traffic (BGP); delivering it to a pod is the
 * service proxy's part, so the Service tests install this stand-in where a real cluster's kube-proxy would.
 */
final class KubeProxyStandIn {
    private KubeProxyStandIn() {
    }

    static void forward(Node node, IpAddress serviceAddress, IpAddress pod) {
        node.exec("iptables", "-t", "nat", "-A", "PREROUTING", "-d", serviceAddress + "/32", "-j", "DNAT",
                "--to-destination", pod.toString()).orThrow();
    }

    static void stop(Node node, IpAddress serviceAddress, IpAddress pod) {
        node.exec("iptables", "-t", "nat", "-D", "PREROUTING", "-d", serviceAddress + "/32", "-j", "DNAT",
                "--to-destination", pod.toString()).orThrow();
    }
}
