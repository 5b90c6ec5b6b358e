package dev.podbgp.lab.peer;

import dev.podbgp.inet.IpAddress;
import java.util.List;
import java.util.OptionalLong;

/**
 * The attributes a test asserts on, for one received route (the daemon's best path). The AS
 * path is flattened to its AS numbers in order; MED and LOCAL_PREF are empty when the daemon
 * reports none.
 */
public record RouteAttributes(IpAddress nextHop, List<Long> asPath, List<Community> communities,
                              OptionalLong med, OptionalLong localPref) {
    public RouteAttributes {
        asPath = List.copyOf(asPath);
        communities = List.copyOf(communities);
    }
}
