package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.OriginatorId;

/**
 * The named steps of the decision process, in the order they run. Each step removes routes
 * from consideration the way RFC 4271 §9.1.2.2 words it (an elimination over the candidate
 * set, not a pairwise tournament), so the outcome does not depend on arrival order even with
 * the non-transitive MED rule. The step that leaves one candidate is the one reported in a
 * {@link Decision} (STYLE item 8).
 *
 * <p>RFC 4271 §9.1.2.2 e (lowest IGP cost to the next hop) has no step: podbgp runs no IGP and
 * treats every resolvable next hop as equally near.
 */
public enum BestPathStep {

    /** Only one candidate: nothing to decide. */
    ONLY_PATH(false) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return 0;
        }
    },

    /**
     * The node's own routes (its podCIDRs) beat learned copies, as Cisco/FRR weight 32768 does
     * for locally originated routes: a peer must never take the node's own prefix away.
     */
    LOCALLY_ORIGINATED(false) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Boolean.compare(b.peer().isLocal(), a.peer().isLocal());
        }
    },

    /** RFC 9494 §4.3: LLGR_STALE routes are retained but preferred least of all. */
    NOT_LLGR_STALE(true) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Boolean.compare(a.isLlgrStale(), b.isLlgrStale());
        }
    },

    /** RFC 4271 §9.1.1: the degree of preference is LOCAL_PREF, 100 when absent (as FRR/BIRD). */
    HIGHER_LOCAL_PREF(true) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Long.compare(localPref(b), localPref(a));
        }
    },

    /** RFC 4271 §9.1.2.2 a: an AS_SET counts as one, confederation segments as none. */
    SHORTER_AS_PATH(true) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Integer.compare(asPathLength(a), asPathLength(b));
        }
    },

    /** RFC 4271 §9.1.2.2 b: IGP < EGP < INCOMPLETE. */
    LOWER_ORIGIN(true) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Integer.compare(origin(a), origin(b));
        }
    },

    /**
     * RFC 4271 §9.1.2.2 c: a route is removed when another route from the same neighbour AS has
     * a lower MED; a missing MED counts as 0. With {@code alwaysCompareMed} all routes are one group.
     */
    LOWER_MED(true) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            if (!o.alwaysCompareMed() && neighbourAs(a, o) != neighbourAs(b, o)) {
                return 0;
            }
            return Long.compare(med(a), med(b));
        }

        @Override
        int filter(Route[] c, int n, BestPathOptions o) {
            boolean[] removed = new boolean[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n && !removed[i]; j++) {
                    removed[i] = compare(c[j], c[i], o) < 0;
                }
            }
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (!removed[i]) {
                    c[kept++] = c[i];
                }
            }
            return kept;
        }
    },

    /** RFC 4271 §9.1.2.2 d: routes from external peers beat routes from internal ones. */
    EBGP_OVER_IBGP(false) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Boolean.compare(a.peer().internal(), b.peer().internal());
        }
    },

    /**
     * RFC 4271 §9.1.2.2 f, with RFC 4456 §9: a reflected route is ranked by its ORIGINATOR_ID
     * instead of the reflector's identifier. Unsigned, as the identifier is four octets.
     */
    LOWER_ROUTER_ID(false) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Integer.compareUnsigned(routerId(a), routerId(b));
        }
    },

    /** RFC 4456 §9: a shorter CLUSTER_LIST wins; none counts as length 0. */
    SHORTER_CLUSTER_LIST(true) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Integer.compare(clusterListLength(a), clusterListLength(b));
        }
    },

    /** RFC 4271 §9.1.2.2 g: the lowest peer address. */
    LOWER_PEER_ADDRESS(false) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return a.peer().address().compareTo(b.peer().address());
        }
    },

    /** Two ADD-PATH paths from one peer (RFC 7911) tie on all above: the lower path id wins. */
    LOWER_PATH_ID(false) {
        @Override
        int compare(Route a, Route b, BestPathOptions o) {
            return Integer.compareUnsigned(a.pathId(), b.pathId());
        }
    };

    private final boolean attributesOnly;

    BestPathStep(boolean attributesOnly) {
        this.attributesOnly = attributesOnly;
    }

    /**
     * The step looks at nothing but the attribute set (and the options): candidates that share
     * one interned attribute set all tie on it, so the decision process may skip it.
     */
    boolean attributesOnly() {
        return attributesOnly;
    }

    /** Negative when {@code a} is preferred by this step, positive when {@code b} is, else 0. */
    abstract int compare(Route a, Route b, BestPathOptions o);

    /**
     * Keeps, at the front of {@code c[0..n)}, the candidates this step does not remove, in their
     * current order; returns how many. Default: the ones {@link #compare} ranks first.
     */
    int filter(Route[] c, int n, BestPathOptions o) {
        Route best = c[0];
        for (int i = 1; i < n; i++) {
            if (compare(c[i], best, o) < 0) {
                best = c[i];
            }
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (compare(c[i], best, o) == 0) {
                c[kept++] = c[i];
            }
        }
        return kept;
    }

    static long localPref(Route r) {
        LocalPref lp = r.attributes().localPref();
        return lp == null ? 100 : lp.value();
    }

    static int asPathLength(Route r) {
        AsPath p = r.attributes().asPath();
        return p == null ? 0 : p.length();
    }

    // A missing ORIGIN (only possible on locally built routes) ranks as INCOMPLETE, the least.
    static int origin(Route r) {
        Origin origin = r.attributes().origin();
        return origin == null ? Origin.INCOMPLETE.ordinal() : origin.ordinal();
    }

    static long med(Route r) {
        MultiExitDisc m = r.attributes().med();
        return m == null ? 0 : m.value();
    }

    /**
     * RFC 4271 §9.1.2.2 c: the first AS of the AS_PATH; when the path is empty or starts with an
     * AS_SET the route was originated (or aggregated) inside our AS, so it is the local AS.
     */
    static long neighbourAs(Route r, BestPathOptions o) {
        AsPath p = r.attributes().asPath();
        long first = p == null ? -1 : p.firstAs();
        return first < 0 ? o.localAs() : first;
    }

    static int routerId(Route r) {
        OriginatorId id = r.attributes().originatorId();
        return id != null ? id.id().bits() : r.peer().routerId().bits();
    }

    static int clusterListLength(Route r) {
        ClusterList cl = r.attributes().clusterList();
        return cl == null ? 0 : cl.size();
    }
}
