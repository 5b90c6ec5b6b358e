package dev.podbgp.rib.out;

import dev.podbgp.inet.Prefix;
import java.util.Objects;

/**
 * A configured aggregate (RFC 4271 §9.2.2.2): {@code prefix} is announced to {@link #peers} while at least one
 * Loc-RIB route more specific than it exists, and withdrawn when the last one goes. The family is the prefix's.
 *
 * <p>The aggregate lives only in Adj-RIB-Out: it never enters the Loc-RIB, so it is never installed in the FIB.
 * The node owns a few /24s of the range, not the range; a blackhole for the rest would drop traffic for the other
 * nodes' pods that the kernel should send on by their own, more specific, routes or the default route.
 *
 * @param summaryOnly the contributing more-specifics are not sent to the selected peers, only the aggregate
 */
public record Aggregate(Prefix prefix, boolean summaryOnly, AggregatePeers peers) {

    public Aggregate {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(peers, "peers");
        if (prefix.length() == prefix.family().bitLength()) {
            throw new IllegalArgumentException("aggregate " + prefix + " is a host route: nothing can be more specific");
        }
    }

    /** Whether a Loc-RIB route for {@code p} contributes: strictly more specific (§9.2.2.2), same family. */
    boolean coversMoreSpecific(Prefix p) {
        return p.length() > prefix.length() && prefix.contains(p);
    }
}
