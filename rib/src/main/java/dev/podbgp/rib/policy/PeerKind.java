package dev.podbgp.rib.policy;

/** Where a route came from, or where it goes, as the safe defaults see it. */
public enum PeerKind {
    /** Originated by this node (its own podCIDRs); not learned from any peer. */
    LOCAL,
    /** Another node of the cluster over the iBGP node-to-node mesh. */
    MESH,
    /** Anything outside the cluster: top-of-rack switches, routers, eBGP peers. */
    EXTERNAL
}
