package dev.podbgp.config.state;

import dev.podbgp.config.CniSpec;
import dev.podbgp.config.FibSpec;
import dev.podbgp.config.GracefulRestartSpec;
import dev.podbgp.config.ListenSpec;
import dev.podbgp.config.LoggingSpec;
import dev.podbgp.config.MetricsSpec;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.ProcessSpec;
import dev.podbgp.config.RolesSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the daemon converges to, whatever produced it (a YAML file, Kubernetes objects).
 * Immutable and compared by value, so a reload that changes nothing is an equal state and an
 * empty {@link DesiredStateDiff}.
 *
 * @param originated      the prefixes this node announces (its podCIDRs), sorted
 * @param clusterPodCidrs what mesh peers may announce
 * @param peers           by address (sorted), each address once
 * @param policies        by name; every name a peer refers to is present
 * @param roles           with the cluster id filled in when the node reflects routes
 * @param processes       the helper programs to run, by name (sorted), each name once
 */
public record DesiredState(NodeIdentity node, List<Prefix> originated, List<Prefix> clusterPodCidrs,
                           ListenSpec listen, List<DesiredPeer> peers, Map<String, PolicySpec> policies,
                           RolesSpec roles, FibSpec fib, GracefulRestartSpec gracefulRestart, CniSpec cni,
                           Path controlSocket, MetricsSpec metrics, LoggingSpec logging,
                           List<ProcessSpec> processes) {
    public DesiredState {
        originated = originated.stream().sorted().distinct().toList();
        clusterPodCidrs = clusterPodCidrs.stream().sorted().distinct().toList();
        List<DesiredPeer> sorted = new ArrayList<>(peers);
        sorted.sort((a, b) -> a.address().compareTo(b.address()));
        peers = List.copyOf(sorted);
        policies = Map.copyOf(new TreeMap<>(policies));
        Set<IpAddress> addresses = new HashSet<>();
        for (DesiredPeer p : peers) {
            if (!addresses.add(p.address())) {
                throw new IllegalArgumentException("peer " + p.address() + " appears twice");
            }
            for (Optional<String> ref : List.of(p.importPolicy(), p.exportPolicy())) {
                if (ref.isPresent() && !policies.containsKey(ref.get())) {
                    throw new IllegalArgumentException("peer " + p.address() + " refers to undefined policy " + ref.get());
                }
            }
        }
        List<ProcessSpec> byName = new ArrayList<>(processes);
        byName.sort((a, b) -> a.name().compareTo(b.name()));
        processes = List.copyOf(byName);
        Set<String> names = new HashSet<>();
        for (ProcessSpec p : processes) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("process " + p.name() + " appears twice");
            }
        }
        if (roles.routeReflector() && roles.clusterId().isEmpty()) {
            throw new IllegalArgumentException("a route reflector needs a cluster id");
        }
    }

    /** A state without helper processes: what a source that has none (Kubernetes objects) produces. */
    public DesiredState(NodeIdentity node, List<Prefix> originated, List<Prefix> clusterPodCidrs, ListenSpec listen,
            List<DesiredPeer> peers, Map<String, PolicySpec> policies, RolesSpec roles, FibSpec fib,
            GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket, MetricsSpec metrics, LoggingSpec logging) {
        this(node, originated, clusterPodCidrs, listen, peers, policies, roles, fib, gracefulRestart, cni, controlSocket,
                metrics, logging, List.of());
    }

    /** The same state with other helper processes; a reload of the processes alone changes only this. */
    public DesiredState withProcesses(List<ProcessSpec> next) {
        return new DesiredState(node, originated, clusterPodCidrs, listen, peers, policies, roles, fib, gracefulRestart,
                cni, controlSocket, metrics, logging, next);
    }

    public Optional<DesiredPeer> peer(IpAddress address) {
        return peers.stream().filter(p -> p.address().equals(address)).findFirst();
    }
}
