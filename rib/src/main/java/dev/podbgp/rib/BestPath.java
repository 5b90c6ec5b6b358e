package dev.podbgp.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The RFC 4271 §9.1.2 decision process over the candidate routes of one prefix, as the chain
 * of {@link BestPathStep}s, plus the ECMP set.
 *
 * <p>ECMP: the routes still in the running after {@link BestPathStep#EBGP_OVER_IBGP} are equal
 * for forwarding (the remaining steps only break ties among equals), provided their AS_PATHs are
 * identical or, with {@code multipathRelax}, merely of equal length (already ensured by the
 * AS_PATH step). Among more than {@code maxPaths} of them the tie-break steps pick, so the set
 * does not depend on arrival order either.
 */
public final class BestPath {

    static final List<BestPathStep> CHAIN = List.of(
            BestPathStep.LOCALLY_ORIGINATED,
            BestPathStep.NOT_LLGR_STALE,
            BestPathStep.HIGHER_LOCAL_PREF,
            BestPathStep.SHORTER_AS_PATH,
            BestPathStep.LOWER_ORIGIN,
            BestPathStep.LOWER_MED,
            BestPathStep.EBGP_OVER_IBGP,
            BestPathStep.LOWER_ROUTER_ID,
            BestPathStep.SHORTER_CLUSTER_LIST,
            BestPathStep.LOWER_PEER_ADDRESS,
            BestPathStep.LOWER_PATH_ID);

    /** The steps after ECMP equality is settled: they only order equal-cost routes. */
    private static final List<BestPathStep> TIE_BREAK = CHAIN.subList(CHAIN.indexOf(BestPathStep.LOWER_ROUTER_ID),
            CHAIN.size());

    private final BestPathOptions options;
    private final Comparator<Route> tieBreak;

    public BestPath(BestPathOptions options) {
        this.options = options;
        this.tieBreak = (a, b) -> {
            for (BestPathStep s : TIE_BREAK) {
                int c = s.compare(a, b, options);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    public BestPathOptions options() {
        return options;
    }

    /** Why {@code a} or {@code b} wins when they are the only candidates. */
    public Decision compare(Route a, Route b) {
        return select(new Route[] {a, b}, 2);
    }

    /** Selects among {@code routes[0..n)}, n >= 1; the array is not modified. */
    public Decision select(Route[] routes, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("no candidates");
        }
        if (n == 1) {
            return new Decision(routes[0], BestPathStep.ONLY_PATH, List.of(routes[0]));
        }
        Route[] c = Arrays.copyOf(routes, n);
        int m = n;
        Route[] equalCost = null;
        int equalCount = 0;
        BestPathStep decidedBy = null;
        // Peers that pass on the same route (a full table from two upstreams of one transit,
        // two route reflectors) share one interned attribute set: every step that reads only
        // the attributes ties, and scanning the set for each comparison is the bulk of the work.
        boolean sameAttributes = sameAttributes(c, m);
        for (BestPathStep step : CHAIN) {
            if (sameAttributes && step.attributesOnly()) {
                continue;
            }
            m = step.filter(c, m, options);
            if (step == BestPathStep.EBGP_OVER_IBGP && m > 1 && options.maxPaths() > 1) {
                equalCost = Arrays.copyOf(c, m);
                equalCount = m;
            }
            if (m == 1) {
                decidedBy = step;
                break;
            }
        }
        if (decidedBy == null) {
            // Two entries for the same (peer, path id) never coexist, so LOWER_PATH_ID always ends it.
            throw new IllegalStateException("decision process left " + m + " candidates");
        }
        Route best = c[0];
        return new Decision(best, decidedBy, multipath(best, equalCost, equalCount));
    }

    private static boolean sameAttributes(Route[] c, int n) {
        for (int i = 1; i < n; i++) {
            if (c[i].attributes() != c[0].attributes()) {
                return false;
            }
        }
        return true;
    }

    private List<Route> multipath(Route best, Route[] equal, int n) {
        if (equal == null) {
            return List.of(best);
        }
        List<Route> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Route r = equal[i];
            if (options.multipathRelax()
                    || Objects.equals(r.attributes().asPath(), best.attributes().asPath())) {
                out.add(r);
            }
        }
        out.sort(tieBreak);
        return out.size() > options.maxPaths() ? out.subList(0, options.maxPaths()) : out;
    }
}
