package dev.podbgp.rib;

import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.PodCidrGuard;
import java.util.Set;

/**
 * A new set of this node's own podCIDRs, as one peer's import sees it: only the pod-CIDR guard changes
 * (DESIGN "Safe defaults": never a route overlapping our own podCIDRs). That needs nothing from the peer. A
 * route the new guard refuses is already in the Adj-RIB-In and is dropped there; a route the old guard refused
 * is gone, but only a peer that had one refused for a podCIDR we no longer have must send it again
 * ({@link PeerState#refusedAsOwn} says which).
 */
final class OwnPodCidrChange {

    private OwnPodCidrChange() {
    }

    /** Whether {@code after} differs from {@code before} in this node's own podCIDRs and nothing else. */
    static boolean isOnlyChange(PeerImport before, PeerImport after) {
        ImportPipeline b = before.pipeline();
        PodCidrGuard guard = new PodCidrGuard(after.pipeline().guard().ownPodCidrs(), b.guard().clusterPodCidrs());
        return !before.equals(after)
                && before.withPipeline(new ImportPipeline(guard, b.peerKind(), b.importPolicy())).equals(after);
    }

    /** Whether a route refused for one of our podCIDRs may now be taken: that podCIDR is not ours any more. */
    static boolean needsRefresh(Set<Prefix> refusedAsOwn, PodCidrGuard now) {
        for (Prefix p : refusedAsOwn) {
            if (!now.ownPodCidrs().contains(p)) {
                return true;
            }
        }
        return false;
    }
}
