package dev.podbgp.rib;

import dev.podbgp.inet.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of the decision process for one prefix: the best route, the step that picked it
 * (so {@code show routes} can tell the operator why, STYLE item 8) and the equal-cost routes.
 *
 * @param multipath the ECMP routes, best first, at most {@link BestPathOptions#maxPaths()}
 */
public record Decision(Route best, BestPathStep decidedBy, List<Route> multipath) {

    public Decision {
        multipath = List.copyOf(multipath);
        if (multipath.isEmpty() || multipath.getFirst() != best) {
            throw new IllegalArgumentException("the multipath set must start with the best route");
        }
    }

    /** The distinct next hops of the multipath routes, in address order: what the FIB installs. */
    public List<IpAddress> nextHops() {
        if (multipath.size() == 1) {
            return List.of(best.nextHop());
        }
        List<IpAddress> out = new ArrayList<>(multipath.size());
        for (Route r : multipath) {
            if (!out.contains(r.nextHop())) {
                out.add(r.nextHop());
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }
}
