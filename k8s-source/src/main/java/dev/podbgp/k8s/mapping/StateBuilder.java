package dev.podbgp.k8s.mapping;

import dev.podbgp.config.BfdSpec;
import dev.podbgp.config.GracefulRestartSpec;
import dev.podbgp.config.RolesSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStates;
import dev.podbgp.config.state.NodeIdentity;
import dev.podbgp.config.state.ServiceRoute;
import dev.podbgp.config.FamilySpec;
import dev.podbgp.config.MaxPrefixSpec;
import dev.podbgp.config.NextHopSpec;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.TimersSpec;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.crd.BGPConfiguration;
import dev.podbgp.k8s.crd.BGPConfigurationSpec;
import dev.podbgp.k8s.crd.BGPPeer;
import dev.podbgp.k8s.mapping.NodeView.RrRole;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds this node's {@link DesiredState} from the cluster objects. Precedence for one address:
 * a BGPPeer, then the node's extra-peers annotation, then the automatic node peering, so an
 * operator can override a mesh session with explicit settings.
 */
public final class StateBuilder {
    private StateBuilder() {
    }

    /**
     * @param state       empty when no state can be built at all (see {@code unavailable})
     * @param problems    objects or fields that were ignored
     * @param unavailable why there is no state, e.g. the local Node is not known yet
     */
    public record Result(Optional<DesiredState> state, List<Problem> problems, Optional<String> unavailable) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Without Services: a cluster that announces none. */
    public static Result build(BaseSettings base, String localNode, Collection<Node> nodes,
                               Optional<BGPConfiguration> configuration, Collection<BGPPeer> bgpPeers,
                               SecretLookup secrets) {
        return build(base, localNode, nodes, configuration, bgpPeers, secrets, List.of(), List.of());
    }

    /** @param services and {@code endpointSlices}: what decides the Service addresses this node announces */
    public static Result build(BaseSettings base, String localNode, Collection<Node> nodes,
                               Optional<BGPConfiguration> configuration, Collection<BGPPeer> bgpPeers,
                               SecretLookup secrets, Collection<Service> services,
                               Collection<EndpointSlice> endpointSlices) {
        List<Problem> problems = new ArrayList<>();
        List<NodeView> views = new ArrayList<>();
        NodeView local = null;
        for (Node n : nodes.stream().sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList()) {
            // Each node's daemon reports its own Node's problems; the others only skip what they cannot use.
            List<Problem> sink = localNode.equals(n.getMetadata().getName()) ? problems : new ArrayList<>();
            NodeView v = NodeView.of(n, sink);
            views.add(v);
            if (v.name().equals(localNode)) {
                local = v;
            }
        }
        if (local == null) {
            return new Result(Optional.empty(), problems, Optional.of("Node " + localNode + " is not known (yet)"));
        }
        BGPConfigurationSpec cs = configuration.map(BGPConfiguration::getSpec).orElse(null);
        Fields cf = new Fields("BGPConfiguration", BGPConfiguration.NAME, problems);
        long clusterAsn = base.asn();
        if (cs != null && cs.asn != null && cf.asnUsable("spec.asn", cs.asn)) {
            clusterAsn = cs.asn;
        }
        boolean mesh = cs != null && cs.meshEnabled != null ? cs.meshEnabled : base.meshEnabled();
        List<Prefix> clusterCidrs = base.clusterPodCidrs();
        if (cs != null && cs.clusterPodCIDRs != null) {
            List<Prefix> parsed = new ArrayList<>();
            for (int i = 0; i < cs.clusterPodCIDRs.size(); i++) {
                cf.prefix("spec.clusterPodCIDRs[" + i + "]", cs.clusterPodCIDRs.get(i)).ifPresent(parsed::add);
            }
            clusterCidrs = parsed;
        }
        GracefulRestartSpec gr = gracefulRestart(base.gracefulRestart(), cs, cf);

        Optional<Ipv4Address> routerId = local.routerId().or(local::firstIpv4).or(base::routerId);
        if (routerId.isEmpty()) {
            return new Result(Optional.empty(), problems, Optional.of("Node " + localNode
                    + " has no IPv4 InternalIP for a router id; set the " + Annotations.ROUTER_ID + " annotation"));
        }
        long localAsn = local.asn().orElse(clusterAsn);

        Map<IpAddress, DesiredPeer> peers = new LinkedHashMap<>();
        Map<IpAddress, String> owners = new LinkedHashMap<>();
        for (BGPPeer p : bgpPeers.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList()) {
            if (!PeerMapper.selects(p, local)) {
                continue;
            }
            Optional<DesiredPeer> d = PeerMapper.map(p, base.policies(), secrets, problems);
            if (d.isPresent()) {
                add(peers, owners, d.get(), "BGPPeer " + p.getMetadata().getName(),
                        new Fields("BGPPeer", p.getMetadata().getName(), problems), "spec.peerAddress");
            }
        }
        Fields nf = new Fields("Node", local.name(), problems);
        for (NodeView.ExtraPeer e : local.extraPeers()) {
            add(peers, owners, externalPeer(e), "annotation " + Annotations.EXTRA_PEERS, nf,
                    "metadata.annotations[" + Annotations.EXTRA_PEERS + "]");
        }
        if (mesh) {
            boolean anyServer = views.stream().anyMatch(v -> v.role() == RrRole.SERVER);
            boolean localServer = local.role() == RrRole.SERVER;
            for (NodeView other : views) {
                if (other == local || anyServer && !localServer && other.role() != RrRole.SERVER) {
                    continue;
                }
                boolean client = localServer && other.role() != RrRole.SERVER;
                for (IpAddress a : other.internalIps()) {
                    // A session needs an address of the same family on this side.
                    if (!peers.containsKey(a) && local.internalIps().stream().anyMatch(l -> l.family() == a.family())) {
                        peers.put(a, meshPeer(a, other.asn().orElse(clusterAsn), client));
                    }
                }
            }
        }
        RolesSpec roles = local.role() == RrRole.SERVER
                // RFC 4456 §7: without a configured CLUSTER_ID a reflector uses its BGP identifier.
                ? new RolesSpec(true, local.clusterId().or(() -> routerId), base.transit())
                : new RolesSpec(false, Optional.empty(), base.transit());
        List<ServiceRoute> serviceRoutes = new ArrayList<>();
        ServiceSettings serviceSettings = ServiceSettings.from(cs == null ? null : cs.services, cf);
        for (ServiceRoute r : ServiceMapper.map(serviceSettings, local.name(), services, endpointSlices, problems)) {
            if (local.podCidrs().contains(r.prefix())) {
                cf.problem("spec.services", r.prefix() + " of " + r.services() + " is this node's podCIDR; not announced as a Service");
            } else {
                serviceRoutes.add(r);
            }
        }
        try {
            DesiredState s = new DesiredState(new NodeIdentity(local.name(), routerId.get(), localAsn), local.podCidrs(),
                    clusterCidrs, base.listen(), List.copyOf(peers.values()), base.policies(), roles, base.fib(), gr,
                    base.cni(), base.controlSocket(), base.metrics(), base.logging(), base.aggregates(), List.of(), Optional.empty(),
                    List.of(), List.of(), serviceRoutes);
            return new Result(Optional.of(s), problems, Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Result(Optional.empty(), problems, Optional.of(e.getMessage()));
        }
    }

    private static void add(Map<IpAddress, DesiredPeer> peers, Map<IpAddress, String> owners, DesiredPeer p,
                            String owner, Fields f, String field) {
        String before = owners.putIfAbsent(p.address(), owner);
        if (before != null) {
            f.problem(field, p.address() + " is already a peer through " + before);
        } else {
            peers.put(p.address(), p);
        }
    }

    private static DesiredPeer meshPeer(IpAddress a, long asn, boolean rrClient) {
        DesiredPeer m = DesiredStates.meshPeer(a, asn);
        return !rrClient ? m : new DesiredPeer(m.address(), m.asn(), m.localAddress(), m.port(), m.password(), m.ttl(),
                m.timers(), m.families(), m.passive(), m.importPolicy(), m.exportPolicy(), m.maxPrefix(), true,
                m.nextHopSelf(), m.kind(), m.bfd(), m.nextHop(), m.interfaceName());
    }

    private static DesiredPeer externalPeer(NodeView.ExtraPeer e) {
        return new DesiredPeer(e.address(), e.asn(), Optional.empty(), 179, Optional.empty(), TtlSpec.SYSTEM_DEFAULT,
                TimersSpec.DEFAULT, List.of(FamilySpec.unicast(e.address().family())), false, Optional.empty(),
                Optional.empty(), Optional.of(MaxPrefixSpec.EXTERNAL_DEFAULT), false, false, PeerKindSpec.EXTERNAL,
                BfdSpec.DISABLED, NextHopSpec.NONE, Optional.empty());
    }

    private static GracefulRestartSpec gracefulRestart(GracefulRestartSpec base, BGPConfigurationSpec cs, Fields f) {
        if (cs == null || cs.gracefulRestart == null) {
            return base;
        }
        var g = cs.gracefulRestart;
        int restart = g.restartTimeSeconds != null ? g.restartTimeSeconds : base.restartTime();
        int llgr = g.llgrStaleTimeSeconds != null ? g.llgrStaleTimeSeconds : base.llgrStaleTime();
        if (restart < 0 || restart > 4095) {
            f.problem("spec.gracefulRestart.restartTimeSeconds", restart + " is outside 0..4095 (RFC 4724 §3: 12 bits)");
            restart = base.restartTime();
        }
        if (llgr < 0 || llgr > 0xFF_FFFF) {
            f.problem("spec.gracefulRestart.llgrStaleTimeSeconds", llgr + " is outside 0..16777215 (RFC 9494 §2)");
            llgr = base.llgrStaleTime();
        }
        return new GracefulRestartSpec(g.enabled != null ? g.enabled : base.enabled(), restart, llgr);
    }
}
