package dev.podbgp.rib.policy;

/**
 * The roles that relax the export safe defaults. Both are off unless the operator says so.
 *
 * @param routeReflector the node reflects routes between its peers (RFC 4456)
 * @param transit        the node passes routes between external peers, i.e. acts as a router
 */
public record RoleConfig(boolean routeReflector, boolean transit) {

    public static final RoleConfig POD_CIDR_ONLY = new RoleConfig(false, false);
}
