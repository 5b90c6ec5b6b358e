package dev.podbgp.rib;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.List;

/** One change of the Loc-RIB: a prefix now has this best route, or no route at all. */
public sealed interface LocRibChange {

    Prefix prefix();

    /**
     * The prefix's selected route and what forwarding should use.
     *
     * @param decision the best route, the step that chose it and the equal-cost routes
     * @param nextHops the distinct ECMP next hops, in address order (see {@link Decision#nextHops()})
     */
    record Selected(Prefix prefix, Decision decision, List<IpAddress> nextHops) implements LocRibChange {

        public Selected {
            nextHops = List.copyOf(nextHops);
        }

        public Route best() {
            return decision.best();
        }
    }

    /** No usable route is left for the prefix. */
    record Withdrawn(Prefix prefix) implements LocRibChange {
    }
}
