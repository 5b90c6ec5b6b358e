package dev.podbgp.config;

import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;

/**
 * This node.
 *
 * @param name            the node's name (the Kubernetes Node name when there is one)
 * @param routerId        BGP identifier; when empty it is derived from an IPv4 listen or local address
 * @param asn             this node's AS
 * @param podCidrs        the prefixes this node originates in the static mode
 * @param clusterPodCidrs all pods of the cluster; mesh peers may announce only prefixes inside them
 */
public record NodeSpec(String name, Optional<Ipv4Address> routerId, long asn, List<Prefix> podCidrs,
                       List<Prefix> clusterPodCidrs) {
    public NodeSpec {
        podCidrs = List.copyOf(podCidrs);
        clusterPodCidrs = List.copyOf(clusterPodCidrs);
    }
}
