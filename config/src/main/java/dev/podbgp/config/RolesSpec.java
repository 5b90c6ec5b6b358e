package dev.podbgp.config;

import dev.podbgp.inet.Ipv4Address;
import java.util.Optional;

/**
 * Roles that relax the export safe defaults; both off by default.
 *
 * @param routeReflector reflect routes between clients and non-clients (RFC 4456)
 * @param clusterId      RFC 4456 §7 CLUSTER_ID; in a DesiredState it is filled with the router id when not given
 * @param transit        pass routes between external peers
 */
public record RolesSpec(boolean routeReflector, Optional<Ipv4Address> clusterId, boolean transit) {
    public static final RolesSpec POD_CIDR_ONLY = new RolesSpec(false, Optional.empty(), false);
}
