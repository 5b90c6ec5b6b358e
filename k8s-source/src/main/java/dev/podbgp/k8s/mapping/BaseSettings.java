package dev.podbgp.k8s.mapping;

import dev.podbgp.config.AggregateSpec;
import dev.podbgp.config.CniSpec;
import dev.podbgp.config.FibSpec;
import dev.podbgp.config.GracefulRestartSpec;
import dev.podbgp.config.ListenSpec;
import dev.podbgp.config.LoggingSpec;
import dev.podbgp.config.MetricsSpec;
import dev.podbgp.config.PodbgpConfig;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cluster objects do not say: where to listen, the FIB and CNI settings, the control
 * socket, the named policies BGPPeers refer to, and fallbacks for what a BGPConfiguration may
 * override (AS, mesh, cluster pod CIDRs, graceful restart).
 *
 * @param asn      used when neither the node annotation nor the BGPConfiguration sets one
 * @param routerId used when the node has neither a router-id annotation nor an IPv4 InternalIP
 * @param transit  the only part of the roles not decided per node
 * @param aggregates the same for every node: the cluster's pod CIDR is the usual one
 */
public record BaseSettings(long asn, Optional<Ipv4Address> routerId, boolean meshEnabled, List<Prefix> clusterPodCidrs,
                           ListenSpec listen, Map<String, PolicySpec> policies, boolean transit, FibSpec fib,
                           GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket, MetricsSpec metrics,
                           LoggingSpec logging, List<AggregateSpec> aggregates) {
    /** The first private 2-octet AS (RFC 6996), as Calico and kube-router default to. */
    public static final long DEFAULT_ASN = 64512;

    public static final BaseSettings DEFAULTS = new BaseSettings(DEFAULT_ASN, Optional.empty(), true, List.of(),
            ListenSpec.DEFAULT, Map.of(), false, FibSpec.DEFAULT, GracefulRestartSpec.DEFAULT, CniSpec.DEFAULT,
            PodbgpConfig.DEFAULT_CONTROL_SOCKET, MetricsSpec.DEFAULT, LoggingSpec.DEFAULT);

    public BaseSettings {
        clusterPodCidrs = List.copyOf(clusterPodCidrs);
        policies = Map.copyOf(policies);
        aggregates = List.copyOf(aggregates);
    }

    /** Without aggregates. */
    public BaseSettings(long asn, Optional<Ipv4Address> routerId, boolean meshEnabled, List<Prefix> clusterPodCidrs,
                        ListenSpec listen, Map<String, PolicySpec> policies, boolean transit, FibSpec fib,
                        GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket, MetricsSpec metrics,
                        LoggingSpec logging) {
        this(asn, routerId, meshEnabled, clusterPodCidrs, listen, policies, transit, fib, gracefulRestart, cni,
                controlSocket, metrics, logging, List.of());
    }

    /**
     * The node-independent parts of a config file. Its peers, mesh addresses, podCIDRs and router
     * id are not taken: in Kubernetes they come from BGPPeers and Nodes, and one file shared by a
     * DaemonSet would give every node the same BGP identifier (RFC 6286 §2.1 wants it unique in the AS).
     */
    public static BaseSettings from(PodbgpConfig c) {
        Map<String, PolicySpec> policies = new LinkedHashMap<>();
        c.policies().forEach(p -> policies.put(p.name(), p));
        return new BaseSettings(c.node().asn(), Optional.empty(), c.mesh().enabled(), c.node().clusterPodCidrs(),
                c.listen(), policies, c.roles().transit(), c.fib(), c.gracefulRestart(), c.cni(), c.controlSocket(),
                c.metrics(), c.logging(), c.aggregates());
    }
}
