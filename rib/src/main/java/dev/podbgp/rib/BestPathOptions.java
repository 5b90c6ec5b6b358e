package dev.podbgp.rib;

/**
 * Knobs of the decision process and of ECMP.
 *
 * @param localAs our AS: the neighbour AS of routes with an empty AS_PATH (RFC 4271 §9.1.2.2 c)
 * @param alwaysCompareMed compare MED across neighbour ASes too (FRR {@code bgp always-compare-med})
 * @param maxPaths how many equal paths one prefix may install (1 = no ECMP)
 * @param multipathRelax AS paths of equal length but different content count as equal for ECMP
 *     (FRR {@code bgp bestpath as-path multipath-relax}); without it they must be identical
 */
public record BestPathOptions(long localAs, boolean alwaysCompareMed, int maxPaths, boolean multipathRelax) {

    public BestPathOptions {
        if (maxPaths < 1) {
            throw new IllegalArgumentException("maxPaths " + maxPaths + " < 1");
        }
    }

    public static BestPathOptions defaults(long localAs) {
        return new BestPathOptions(localAs, false, 1, false);
    }

    public BestPathOptions withMaxPaths(int n) {
        return new BestPathOptions(localAs, alwaysCompareMed, n, multipathRelax);
    }

    public BestPathOptions withMultipathRelax(boolean relax) {
        return new BestPathOptions(localAs, alwaysCompareMed, maxPaths, relax);
    }

    public BestPathOptions withAlwaysCompareMed(boolean always) {
        return new BestPathOptions(localAs, always, maxPaths, multipathRelax);
    }
}
