package dev.podbgp.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole config file, read and checked, defaults filled in. {@link dev.podbgp.config.state.DesiredStates} turns it
 * into a DesiredState.
 *
 * @param aggregates         announced while a route inside exists (RFC 4271 §9.2.2.2)
 * @param dynamicPeers       listen ranges whose connections become peers
 * @param defaultGatewayPeer a peer found from the node's default route, if asked for
 * @param processes          helper programs run through ExaBGP's process API
 * @param services           service addresses announced as local routes (docs/services.md), each prefix once
 */
public record PodbgpConfig(NodeSpec node, ListenSpec listen, List<PeerSpec> peers, MeshSpec mesh,
                           List<PolicySpec> policies, RolesSpec roles, FibSpec fib,
                           GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket,
                           MetricsSpec metrics, LoggingSpec logging, List<AggregateSpec> aggregates,
                           List<DynamicPeerSpec> dynamicPeers, Optional<GatewayPeerSpec> defaultGatewayPeer,
                           List<ProcessSpec> processes, List<ServiceSpec> services) {
    public static final Path DEFAULT_CONTROL_SOCKET = Path.of("/run/podbgp/control.sock");

    public PodbgpConfig {
        peers = List.copyOf(peers);
        policies = List.copyOf(policies);
        aggregates = List.copyOf(aggregates);
        dynamicPeers = List.copyOf(dynamicPeers);
        processes = List.copyOf(processes);
        services = List.copyOf(services);
    }

    /** Without service addresses. */
    public PodbgpConfig(NodeSpec node, ListenSpec listen, List<PeerSpec> peers, MeshSpec mesh,
                        List<PolicySpec> policies, RolesSpec roles, FibSpec fib,
                        GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket,
                        MetricsSpec metrics, LoggingSpec logging, List<AggregateSpec> aggregates,
                        List<DynamicPeerSpec> dynamicPeers, Optional<GatewayPeerSpec> defaultGatewayPeer,
                        List<ProcessSpec> processes) {
        this(node, listen, peers, mesh, policies, roles, fib, gracefulRestart, cni, controlSocket, metrics, logging,
                aggregates, dynamicPeers, defaultGatewayPeer, processes, List.of());
    }

    /** A config with configured peers only. */
    public PodbgpConfig(NodeSpec node, ListenSpec listen, List<PeerSpec> peers, MeshSpec mesh, List<PolicySpec> policies,
            RolesSpec roles, FibSpec fib, GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket,
            MetricsSpec metrics, LoggingSpec logging) {
        this(node, listen, peers, mesh, policies, roles, fib, gracefulRestart, cni, controlSocket, metrics, logging,
                List.of(), List.of(), Optional.empty(), List.of());
    }
}
