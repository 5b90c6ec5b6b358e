package dev.podbgp.rib;

import dev.podbgp.inet.IpAddress;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which peers a route the node originates is meant for: every peer (the podCIDRs, a helper's plain
 * {@code announce route}) or the peers named when it was announced (ExaBGP's {@code neighbor A announce ...}),
 * by address. The addresses are fixed when the route is announced: a peer configured later is not among them.
 */
public sealed interface PeerScope {

    PeerScope EVERYONE = new Everyone();

    /** The route is for every peer the export rules allow, now and later. */
    record Everyone() implements PeerScope {
    }

    /**
     * The route is for these peers only.
     *
     * @param addresses at least one peer address, kept in address order
     */
    record Peers(SortedSet<IpAddress> addresses) implements PeerScope {

        public Peers {
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("a peer scope names at least one peer");
            }
            addresses = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(addresses));
        }

        public static Peers of(Set<? extends IpAddress> addresses) {
            return new Peers(new TreeSet<>(addresses));
        }

        @Override
        public String toString() {
            return addresses.toString();
        }
    }
}
