package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.event.RibEvent;
import dev.podbgp.rib.out.NodeSettings;
import dev.podbgp.rib.out.OutboundPeer;
import dev.podbgp.rib.out.SelfNextHops;
import dev.podbgp.rib.out.SessionOutput;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.PodCidrGuard;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.PolicyContext;
import dev.podbgp.rib.policy.RoleConfig;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/** A configured peer's settings as the RIB and Adj-RIB-Out take them. Pure functions of the desired state. */
final class PeerSettings {

    private PeerSettings() {
    }

    static NodeSettings node(DesiredState s) {
        Ipv4Address clusterId = s.roles().clusterId().orElse(s.node().routerId());
        return new NodeSettings(s.node().asn(), s.node().routerId(), clusterId,
                new RoleConfig(s.roles().routeReflector(), s.roles().transit()));
    }

    /** The RIB's view of a session: the router id comes from the peer's OPEN, so there is one per session. */
    static PeerInfo info(DesiredState s, int id, DesiredPeer p, NegotiatedSession n) {
        return new PeerInfo(id, p.address(), n.peerAs(), n.peerId(), n.peerAs() == s.node().asn(),
                p.routeReflectorClient());
    }

    /** Import: the pod-CIDR guard, the peer's import policy, its limits, the cluster id for reflection. */
    static PeerImport importOf(DesiredState s, DesiredPeer p) {
        Policy policy = p.importPolicy().map(name -> PolicyMapper.policy(s.policies().get(name)))
                .orElseGet(() -> Policy.acceptAll("accept-all"));
        ImportPipeline pipeline = new ImportPipeline(new PodCidrGuard(s.originated(), s.clusterPodCidrs()), kind(p), policy);
        PolicyContext context = PolicyContext.of(p.address(), p.asn(), s.node().asn());
        Optional<Ipv4Address> clusterId = s.roles().routeReflector()
                ? Optional.of(s.roles().clusterId().orElse(s.node().routerId())) : Optional.empty();
        PeerImport imp = new PeerImport(pipeline, context, 0, clusterId, Map.of(), false);
        if (p.maxPrefix().isPresent()) {
            for (Family f : SessionMapper.families(p.families())) {
                imp = imp.withMaxPrefix(f, PolicyMapper.maxPrefix(p.maxPrefix().get()));
            }
        }
        return imp;
    }

    /**
     * Export of one session: {@code self} are the next hops when we set next hop self (RFC 4271 §5.1.3), found by
     * {@link SessionNextHops} when the session came up.
     */
    static OutboundPeer outbound(DesiredState s, DesiredPeer p, PeerInfo info, NegotiatedSession n, SelfNextHops self,
            SessionOutput output) {
        return new OutboundPeer(info, kind(p), p.nextHopSelf(), self, exportPolicy(s, p), n.codec(), n.families(), output);
    }

    /** The session's local address as the RIB's address type; empty when the socket has none. */
    static Optional<IpAddress> localAddress(Optional<InetSocketAddress> local) {
        return local.map(l -> IpAddress.ofBytes(l.getAddress().getAddress()));
    }

    /** The export part of {@link #outbound}, for a session that is already running. */
    static RibEvent.ExportChanged exportChange(DesiredState s, int id, DesiredPeer p) {
        return new RibEvent.ExportChanged(id, kind(p), p.nextHopSelf(), exportPolicy(s, p));
    }

    private static Policy exportPolicy(DesiredState s, DesiredPeer p) {
        return p.exportPolicy().map(name -> PolicyMapper.policy(s.policies().get(name)))
                .orElseGet(() -> Policy.acceptAll("accept-all"));
    }

    private static PeerKind kind(DesiredPeer p) {
        return p.kind() == PeerKindSpec.MESH ? PeerKind.MESH : PeerKind.EXTERNAL;
    }
}
