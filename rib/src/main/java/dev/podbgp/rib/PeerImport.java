package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.MaxPrefixLimit;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.PodCidrGuard;
import dev.podbgp.rib.policy.PolicyContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the RIB takes routes from one peer: everything the import side needs besides {@link PeerInfo}.
 *
 * @param pipeline the pod-CIDR safe defaults and the peer's import policy ({@link ImportPipeline#peerKind()} says
 *     whether the peer is mesh or external)
 * @param context the session as policy sees it (peer address and AS, local AS)
 * @param allowAsIn how often our own AS may appear in a received AS_PATH; 0 is the RFC 4271 §9.1.2 loop check
 * @param clusterId this node's CLUSTER_ID when it reflects routes: a route whose CLUSTER_LIST holds it has looped
 *     (RFC 4456 §8)
 * @param maxPrefix accepted-prefix limits per family; a family without an entry is unlimited
 * @param softReconfiguration keep the peer's routes as received (before policy) too, so a policy change can be
 *     applied without asking the peer for a ROUTE-REFRESH; costs one entry per received route
 */
public record PeerImport(ImportPipeline pipeline, PolicyContext context, int allowAsIn, Optional<Ipv4Address> clusterId,
        Map<Family, MaxPrefixLimit> maxPrefix, boolean softReconfiguration) {

    /** FRR and Cisco stop at 10; more would only hide a configuration mistake. */
    public static final int MAX_ALLOWAS_IN = 10;

    public PeerImport {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(clusterId, "clusterId");
        if (allowAsIn < 0 || allowAsIn > MAX_ALLOWAS_IN) {
            throw new IllegalArgumentException("allowas-in " + allowAsIn + " is outside 0.." + MAX_ALLOWAS_IN);
        }
        maxPrefix = Map.copyOf(maxPrefix);
    }

    /**
     * No safe defaults, no policy, no limits: every route that does not loop is taken. The kind is EXTERNAL because
     * a MESH pipeline with no cluster pod CIDRs would refuse everything.
     */
    public static PeerImport acceptAll(PeerInfo peer, long localAs) {
        return new PeerImport(new ImportPipeline(new PodCidrGuard(List.of(), List.of()), PeerKind.EXTERNAL,
                Policy.acceptAll("import")),
                PolicyContext.of(peer.address(), peer.asn(), localAs), 0, Optional.empty(), Map.of(), false);
    }

    public PeerKind kind() {
        return pipeline.peerKind();
    }

    public PeerImport withPipeline(ImportPipeline newPipeline) {
        return new PeerImport(newPipeline, context, allowAsIn, clusterId, maxPrefix, softReconfiguration);
    }

    public PeerImport withAllowAsIn(int n) {
        return new PeerImport(pipeline, context, n, clusterId, maxPrefix, softReconfiguration);
    }

    public PeerImport withClusterId(Ipv4Address id) {
        return new PeerImport(pipeline, context, allowAsIn, Optional.of(id), maxPrefix, softReconfiguration);
    }

    public PeerImport withMaxPrefix(Family family, MaxPrefixLimit limit) {
        Map<Family, MaxPrefixLimit> m = new java.util.HashMap<>(maxPrefix);
        m.put(family, limit);
        return new PeerImport(pipeline, context, allowAsIn, clusterId, m, softReconfiguration);
    }

    public PeerImport withSoftReconfiguration(boolean on) {
        return new PeerImport(pipeline, context, allowAsIn, clusterId, maxPrefix, on);
    }
}
