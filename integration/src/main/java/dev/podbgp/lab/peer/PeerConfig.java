package dev.podbgp.lab.peer;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The small config every fixture turns into its daemon's own syntax.
 *
 * @param gracefulRestart restarting side and helper of RFC 4724, with forwarding kept across a
 *                        restart of the BGP daemon; only the FRR fixture renders it, the others refuse it
 */
public record PeerConfig(IpAddress routerId, long localAs, List<Neighbor> neighbors, List<Route> routes,
                         boolean gracefulRestart, Optional<Bfd> bfd) {

    /** BFD with every neighbor at these intervals (milliseconds) and multiplier. */
    public record Bfd(int txMillis, int rxMillis, int multiplier) {}

    public PeerConfig {
        neighbors = List.copyOf(neighbors);
        routes = List.copyOf(routes);
    }

    public static PeerConfig of(String routerId, long localAs) {
        return new PeerConfig(IpAddress.parse(routerId), localAs, List.of(), List.of(), false, Optional.empty());
    }

    public PeerConfig neighbor(Neighbor n) {
        List<Neighbor> ns = new ArrayList<>(neighbors);
        ns.add(n);
        return new PeerConfig(routerId, localAs, ns, routes, gracefulRestart, bfd);
    }

    public PeerConfig route(Route r) {
        List<Route> rs = new ArrayList<>(routes);
        rs.add(r);
        return new PeerConfig(routerId, localAs, neighbors, rs, gracefulRestart, bfd);
    }

    public PeerConfig withGracefulRestart() {
        return new PeerConfig(routerId, localAs, neighbors, routes, true, bfd);
    }

    public PeerConfig withBfd(int txMillis, int rxMillis, int multiplier) {
        return new PeerConfig(routerId, localAs, neighbors, routes, gracefulRestart,
                Optional.of(new Bfd(txMillis, rxMillis, multiplier)));
    }

    /** For the fixtures that do not run BFD: a test asking for it must not run without it. */
    public void requireNoBfd(String fixture) {
        if (bfd.isPresent()) {
            throw new IllegalArgumentException(fixture + " fixture does not run BFD");
        }
    }

    /** For the fixtures that do not render {@link #gracefulRestart}: a test asking for it must not run without it. */
    public void requireNoGracefulRestart(String fixture) {
        if (gracefulRestart) {
            throw new IllegalArgumentException(fixture + " fixture does not configure graceful restart");
        }
    }

    public boolean isExternal(Neighbor n) {
        return n.as() != localAs;
    }

    /** The families any neighbor negotiates. */
    public boolean uses(AddressFamily family) {
        return neighbors.stream().anyMatch(n -> n.families().contains(family));
    }
}
