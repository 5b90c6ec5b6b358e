package dev.podbgp.config;

import java.nio.file.Path;
import java.util.List;

/** A whole config file, read and checked, defaults filled in. {@link dev.podbgp.config.state.DesiredStates} turns it into a DesiredState. */
public record PodbgpConfig(NodeSpec node, ListenSpec listen, List<PeerSpec> peers, MeshSpec mesh,
                           List<PolicySpec> policies, RolesSpec roles, FibSpec fib,
                           GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket,
                           MetricsSpec metrics, LoggingSpec logging, List<AggregateSpec> aggregates) {
    public static final Path DEFAULT_CONTROL_SOCKET = Path.of("/run/podbgp/control.sock");

    public PodbgpConfig {
        peers = List.copyOf(peers);
        policies = List.copyOf(policies);
        aggregates = List.copyOf(aggregates);
    }
}
