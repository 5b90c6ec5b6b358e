package dev.podbgp.config.state;

import dev.podbgp.config.BfdSpec;
import dev.podbgp.config.FamilySpec;
import dev.podbgp.config.NextHopSpec;
import dev.podbgp.config.PasswordSpec;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.PeerSpec;
import dev.podbgp.config.PodbgpConfig;
import dev.podbgp.config.ServiceSpec;
import dev.podbgp.config.PolicySpec;
import dev.podbgp.config.RolesSpec;
import dev.podbgp.config.Secret;
import dev.podbgp.config.TimersSpec;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a checked config file into the source-independent {@link DesiredState}. */
public final class DesiredStates {
    private DesiredStates() {
    }

    /** @throws IllegalArgumentException when no router id can be derived (the reader reports that first) */
    public static DesiredState from(PodbgpConfig c) {
        Ipv4Address routerId = c.node().routerId().or(() -> derivedRouterId(c))
                .orElseThrow(() -> new IllegalArgumentException("no router id"));
        NodeIdentity node = new NodeIdentity(c.node().name(), routerId, c.node().asn());
        List<DesiredPeer> peers = new ArrayList<>();
        List<DesiredPeer> interfacePeers = new ArrayList<>();
        for (PeerSpec p : c.peers()) {
            DesiredPeer peer = desired(p);
            (peer.unnumbered() ? interfacePeers : peers).add(peer);
        }
        if (c.mesh().enabled()) {
            for (IpAddress a : c.mesh().peers()) {
                peers.add(meshPeer(a, c.node().asn()));
            }
        }
        Map<String, PolicySpec> policies = new LinkedHashMap<>();
        c.policies().forEach(p -> policies.put(p.name(), p));
        RolesSpec roles = c.roles().routeReflector() && c.roles().clusterId().isEmpty()
                // RFC 4456 §7: a reflector without a configured CLUSTER_ID uses its BGP identifier.
                ? new RolesSpec(true, Optional.of(routerId), c.roles().transit())
                : c.roles();
        List<DesiredListenRange> ranges = c.dynamicPeers().stream()
                .map(d -> new DesiredListenRange(d.range(), d.peerAs(), d.maxSessions(), desired(d.settings()))).toList();
        Optional<DesiredGatewayPeer> gateway = c.defaultGatewayPeer()
                .map(g -> new DesiredGatewayPeer(g.family(), desired(g.settings())));
        return new DesiredState(node, c.node().podCidrs(), c.node().clusterPodCidrs(), c.listen(), peers, policies,
                roles, c.fib(), c.gracefulRestart(), c.cni(), c.controlSocket(), c.metrics(), c.logging(), c.aggregates(), ranges,
                gateway, c.processes(), interfacePeers, c.services().stream().map(DesiredStates::serviceRoute).toList());
    }

    private static ServiceRoute serviceRoute(ServiceSpec s) {
        return new ServiceRoute(s.prefix(), s.name().isEmpty() ? List.of() : List.of(s.name()), ServiceRoute.Kind.CONFIGURED,
                s.communities(), s.largeCommunities(), s.localPreference());
    }

    /** A peer as the file gives it, its password resolved to the key. */
    private static DesiredPeer desired(PeerSpec p) {
        Optional<Secret> password = switch (p.password()) {
            case PasswordSpec.None n -> Optional.empty();
            case PasswordSpec.Inline i -> Optional.of(i.secret());
            case PasswordSpec.File f -> Optional.of(f.secret());
        };
        return new DesiredPeer(p.address(), p.asn(), p.localAddress(), p.port(), password, p.ttl(), p.timers(),
                p.families(), p.passive(), p.importPolicy(), p.exportPolicy(), p.maxPrefix(),
                p.routeReflectorClient(), p.nextHopSelf(), p.kind(), p.bfd(), p.nextHop(), p.interfaceName());
    }

    /** A node-to-node mesh peer with the defaults every mesh session shares. */
    public static DesiredPeer meshPeer(IpAddress address, long asn) {
        return new DesiredPeer(address, asn, Optional.empty(), 179, Optional.empty(), TtlSpec.SYSTEM_DEFAULT,
                TimersSpec.DEFAULT, List.of(FamilySpec.unicast(address.family())), false, Optional.empty(),
                Optional.empty(), Optional.empty(), false, false, PeerKindSpec.MESH, BfdSpec.DISABLED,
                NextHopSpec.NONE, Optional.empty());
    }

    /** The listen address when it is a specific IPv4 address, else the first IPv4 local address of a peer. */
    static Optional<Ipv4Address> derivedRouterId(PodbgpConfig c) {
        if (c.listen().address() instanceof Ipv4Address a && a.bits() != 0) {
            return Optional.of(a);
        }
        return c.peers().stream().map(PeerSpec::localAddress).flatMap(Optional::stream)
                .filter(a -> a instanceof Ipv4Address v4 && v4.bits() != 0).map(a -> (Ipv4Address) a).findFirst();
    }
}
