package dev.podbgp.rib.policy;

/** The export safe defaults: which peers a route may be sent to, by where it was learned. */
public final class ExportScope {

    private ExportScope() {
    }

    /**
     * Whether a route learned from a {@code from} peer may be sent to a {@code to} peer,
     * before export policy runs.
     * <ul>
     * <li>EXTERNAL to EXTERNAL only as reflector or transit: a pod-network node is not a transit
     * router, and passing one upstream's routes to another would draw their traffic through
     * the node (DESIGN.md, safe defaults).
     * <li>MESH to MESH only as reflector: RFC 4271 §9.2 forbids passing iBGP-learned routes to
     * other iBGP peers, since the full mesh already has them; RFC 4456 lifts that for reflectors.
     * <li>Everything else is allowed: a node's own routes go everywhere; routes between the mesh
     * and external peers are what the pod network is for, and what comes in from the mesh is
     * already limited to the cluster pod CIDRs by {@link PodCidrGuard}, so an upstream's routes
     * cannot reach another node's upstream through the mesh.
     * </ul>
     * A peer never gets its own routes back; that is the RIB's split horizon, not decided here.
     */
    public static boolean mayExport(PeerKind from, PeerKind to, RoleConfig role) {
        return switch (from) {
            case LOCAL -> true;
            case MESH -> to != PeerKind.MESH || role.routeReflector();
            case EXTERNAL -> to != PeerKind.EXTERNAL || role.routeReflector() || role.transit();
        };
    }
}
