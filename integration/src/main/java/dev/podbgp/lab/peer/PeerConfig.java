package dev.podbgp.lab.peer;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import java.util.ArrayList;
import java.util.List;

/** The small config every fixture turns into its daemon's own syntax. */
public record PeerConfig(IpAddress routerId, long localAs, List<Neighbor> neighbors, List<Route> routes) {
    public PeerConfig {
        neighbors = List.copyOf(neighbors);
        routes = List.copyOf(routes);
    }

    public static PeerConfig of(String routerId, long localAs) {
        return new PeerConfig(IpAddress.parse(routerId), localAs, List.of(), List.of());
    }

    public PeerConfig neighbor(Neighbor n) {
        List<Neighbor> ns = new ArrayList<>(neighbors);
        ns.add(n);
        return new PeerConfig(routerId, localAs, ns, routes);
    }

    public PeerConfig route(Route r) {
        List<Route> rs = new ArrayList<>(routes);
        rs.add(r);
        return new PeerConfig(routerId, localAs, neighbors, rs);
    }

    public boolean isExternal(Neighbor n) {
        return n.as() != localAs;
    }

    /** The families any neighbor negotiates. */
    public boolean uses(AddressFamily family) {
        return neighbors.stream().anyMatch(n -> n.families().contains(family));
    }
}
