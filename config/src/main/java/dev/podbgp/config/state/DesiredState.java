package dev.podbgp.config.state;

import dev.podbgp.config.AggregateSpec;
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
import java.util.Comparator;
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
 * @param aggregates      announced while a route inside exists (RFC 4271 §9.2.2.2), each prefix once
 * @param listenRanges    where dynamic neighbours may connect from, by range (sorted), each range once
 * @param gatewayPeer     a peer to find from the default route; once found it is one of {@code peers}
 * @param processes       the helper programs to run, by name (sorted), each name once
 * @param interfacePeers  unnumbered peers by interface name (sorted), each interface once: templates that
 *                        become members of {@code peers} once their link-local address is known
 *                        ({@link DesiredPeer#atLinkLocal})
 * @param serviceRoutes   Service addresses announced as local routes (docs/services.md), by prefix (sorted), each
 *                        prefix once and none of them one of {@code originated}
 */
public record DesiredState(NodeIdentity node, List<Prefix> originated, List<Prefix> clusterPodCidrs,
                           ListenSpec listen, List<DesiredPeer> peers, Map<String, PolicySpec> policies,
                           RolesSpec roles, FibSpec fib, GracefulRestartSpec gracefulRestart, CniSpec cni,
                           Path controlSocket, MetricsSpec metrics, LoggingSpec logging,
                           List<AggregateSpec> aggregates, List<DesiredListenRange> listenRanges,
                           Optional<DesiredGatewayPeer> gatewayPeer, List<ProcessSpec> processes,
                           List<DesiredPeer> interfacePeers, List<ServiceRoute> serviceRoutes) {

    /**
     * A state with configured peers only: no aggregates, listen ranges, gateway, helper processes, interface peers or
     * service routes.
     */
    public DesiredState(NodeIdentity node, List<Prefix> originated, List<Prefix> clusterPodCidrs, ListenSpec listen,
            List<DesiredPeer> peers, Map<String, PolicySpec> policies, RolesSpec roles, FibSpec fib,
            GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket, MetricsSpec metrics,
            LoggingSpec logging) {
        this(node, originated, clusterPodCidrs, listen, peers, policies, roles, fib, gracefulRestart, cni, controlSocket,
                metrics, logging, List.of(), List.of(), Optional.empty(), List.of(), List.of(), List.of());
    }

    /** The same without service routes. */
    public DesiredState(NodeIdentity node, List<Prefix> originated, List<Prefix> clusterPodCidrs, ListenSpec listen,
            List<DesiredPeer> peers, Map<String, PolicySpec> policies, RolesSpec roles, FibSpec fib,
            GracefulRestartSpec gracefulRestart, CniSpec cni, Path controlSocket, MetricsSpec metrics,
            LoggingSpec logging, List<AggregateSpec> aggregates, List<DesiredListenRange> listenRanges,
            Optional<DesiredGatewayPeer> gatewayPeer, List<ProcessSpec> processes, List<DesiredPeer> interfacePeers) {
        this(node, originated, clusterPodCidrs, listen, peers, policies, roles, fib, gracefulRestart, cni, controlSocket,
                metrics, logging, aggregates, listenRanges, gatewayPeer, processes, interfacePeers, List.of());
    }

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
            policiesDefined(policies, p, "peer " + p.address());
        }
        List<DesiredPeer> templates = new ArrayList<>(interfacePeers);
        templates.sort(Comparator.comparing(p -> p.interfaceName().orElse("")));
        interfacePeers = List.copyOf(templates);
        Set<String> interfaces = new HashSet<>();
        for (DesiredPeer p : interfacePeers) {
            if (p.interfaceName().isEmpty() || !interfaces.add(p.interfaceName().get())) {
                throw new IllegalArgumentException("interface peer " + p.interfaceName().orElse("(none)") + " appears twice or has no interface");
            }
            policiesDefined(policies, p, "interface peer " + p.interfaceName().get());
        }
        listenRanges = listenRanges.stream().sorted((a, b) -> a.range().compareTo(b.range())).toList();
        for (int i = 1; i < listenRanges.size(); i++) {
            if (listenRanges.get(i).range().equals(listenRanges.get(i - 1).range())) {
                throw new IllegalArgumentException("listen range " + listenRanges.get(i).range() + " appears twice");
            }
        }
        for (DesiredListenRange r : listenRanges) {
            policiesDefined(policies, r.template(), "listen range " + r.range());
        }
        if (gatewayPeer.isPresent()) {
            policiesDefined(policies, gatewayPeer.get().template(), "the default gateway peer");
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
        aggregates = List.copyOf(aggregates);
        Set<Prefix> aggregated = new HashSet<>();
        for (AggregateSpec a : aggregates) {
            if (!aggregated.add(a.prefix())) {
                throw new IllegalArgumentException("aggregate " + a.prefix() + " appears twice");
            }
        }
        serviceRoutes = serviceRoutes.stream().sorted(Comparator.comparing(ServiceRoute::prefix)).toList();
        for (int i = 0; i < serviceRoutes.size(); i++) {
            Prefix p = serviceRoutes.get(i).prefix();
            if (i > 0 && p.equals(serviceRoutes.get(i - 1).prefix())) {
                throw new IllegalArgumentException("service route " + p + " appears twice");
            }
            // One origination per prefix in the RIB: a service address may not replace a podCIDR's route.
            if (originated.contains(p)) {
                throw new IllegalArgumentException("service route " + p + " is also an originated prefix");
            }
        }
    }

    private static void policiesDefined(Map<String, PolicySpec> policies, DesiredPeer p, String who) {
        for (Optional<String> ref : List.of(p.importPolicy(), p.exportPolicy())) {
            if (ref.isPresent() && !policies.containsKey(ref.get())) {
                throw new IllegalArgumentException(who + " refers to undefined policy " + ref.get());
            }
        }
    }

    /** The same state with {@code replaced} instead of the peer at its address, or with it added. */
    public DesiredState withPeer(DesiredPeer replaced) {
        List<DesiredPeer> next = new ArrayList<>(peers.stream().filter(p -> !p.address().equals(replaced.address())).toList());
        next.add(replaced);
        return new DesiredState(node, originated, clusterPodCidrs, listen, next, policies, roles, fib, gracefulRestart, cni,
                controlSocket, metrics, logging, aggregates, listenRanges, gatewayPeer, processes, interfacePeers,
                serviceRoutes);
    }

    /** The same state with other helper processes; a reload of the processes alone changes only this. */
    public DesiredState withProcesses(List<ProcessSpec> next) {
        return new DesiredState(node, originated, clusterPodCidrs, listen, peers, policies, roles, fib, gracefulRestart,
                cni, controlSocket, metrics, logging, aggregates, listenRanges, gatewayPeer, next, interfacePeers,
                serviceRoutes);
    }

    /** The same state with {@code resolved} (interface peers at their link-local addresses) among its peers. */
    public DesiredState withPeers(List<DesiredPeer> resolved) {
        List<DesiredPeer> all = new ArrayList<>(peers);
        all.addAll(resolved);
        return new DesiredState(node, originated, clusterPodCidrs, listen, all, policies, roles, fib, gracefulRestart, cni,
                controlSocket, metrics, logging, aggregates, listenRanges, gatewayPeer, processes, interfacePeers,
                serviceRoutes);
    }

    /** The same state announcing {@code next} as its Service addresses; a change of them alone touches no peer. */
    public DesiredState withServiceRoutes(List<ServiceRoute> next) {
        return new DesiredState(node, originated, clusterPodCidrs, listen, peers, policies, roles, fib, gracefulRestart,
                cni, controlSocket, metrics, logging, aggregates, listenRanges, gatewayPeer, processes, interfacePeers, next);
    }

    public Optional<DesiredPeer> peer(IpAddress address) {
        return peers.stream().filter(p -> p.address().equals(address)).findFirst();
    }
}
