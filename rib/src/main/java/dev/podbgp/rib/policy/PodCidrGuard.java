package dev.podbgp.rib.policy;

import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;

/**
 * The import safe defaults of the pod-CIDR role (DESIGN.md), checked before any user policy so
 * that no policy can switch them off by accident.
 *
 * @param ownPodCidrs     this node's podCIDRs (one per family, from the Node object)
 * @param clusterPodCidrs the cluster's pod CIDRs, which every node's podCIDR lies inside
 */
public record PodCidrGuard(List<Prefix> ownPodCidrs, List<Prefix> clusterPodCidrs) {

    /** Rejection names, as {@code show routes} prints them. */
    public static final String OWN_POD_CIDR = "safe-default:own-podcidr";
    public static final String OUTSIDE_CLUSTER = "safe-default:mesh-outside-cluster";

    public PodCidrGuard {
        ownPodCidrs = List.copyOf(ownPodCidrs);
        clusterPodCidrs = List.copyOf(clusterPodCidrs);
    }

    /** The rejection, or empty when the route may go on to the import policy. */
    public Optional<PolicyResult.Rejected> check(Prefix prefix, PeerKind from) {
        Optional<PolicyResult.Rejected> own = overlapsOwn(prefix);
        if (own.isPresent() || from != PeerKind.MESH) {
            return own;
        }
        return insideCluster(prefix);
    }

    /** Our podCIDRs that {@code prefix} is equal to, inside or around: why the guard refuses it. */
    public List<Prefix> ownOverlapping(Prefix prefix) {
        return ownPodCidrs.stream().filter(own -> own.overlaps(prefix)).toList();
    }

    /**
     * Never a route equal to, inside, or around one of our own podCIDRs, from any peer. Our pods
     * are on this node; a more-specific would pull some of their traffic away (a hijack or a
     * stale route of a node that had the range before), and a covering route, once our own route
     * is withdrawn during a restart, would send our pods' traffic to somebody else.
     */
    private Optional<PolicyResult.Rejected> overlapsOwn(Prefix prefix) {
        for (Prefix own : ownPodCidrs) {
            if (own.overlaps(prefix)) {
                return Optional.of(new PolicyResult.Rejected(OWN_POD_CIDR, PolicyResult.Rejected.NOT_A_RULE,
                        prefix + " overlaps this node's podCIDR " + own));
            }
        }
        return Optional.empty();
    }

    /**
     * From the mesh, only prefixes inside the cluster pod CIDRs. Other nodes announce their
     * podCIDRs and nothing else; anything more (a default route, a leaked upstream table) is a
     * misconfigured or compromised node, and it must not reach this node's FIB or its upstreams.
     */
    private Optional<PolicyResult.Rejected> insideCluster(Prefix prefix) {
        for (Prefix cluster : clusterPodCidrs) {
            if (cluster.contains(prefix)) {
                return Optional.empty();
            }
        }
        return Optional.of(new PolicyResult.Rejected(OUTSIDE_CLUSTER, PolicyResult.Rejected.NOT_A_RULE,
                prefix + " from a mesh peer is outside the cluster pod CIDRs " + clusterPodCidrs));
    }
}
