package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.attr.Aggregator;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AtomicAggregate;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.rib.Route;

/**
 * The Loc-RIB routes inside one aggregate, as counts: that is all the RFC 4271 §9.2.2.2 attribute rules need, so a
 * large range costs a few ints rather than a copy of its routes.
 */
final class AggregateContributors {

    /** Contributors per ORIGIN value, indexed by {@link Origin#ordinal()} (IGP, EGP, INCOMPLETE). */
    private final int[] byOrigin = new int[Origin.values().length];
    /** Contributors whose path the aggregate's empty AS_PATH does not carry on. */
    private int lossy;

    void add(Route r) {
        count(r, 1);
    }

    void remove(Route r) {
        count(r, -1);
    }

    private void count(Route r, int delta) {
        PathAttributes a = r.attributes();
        // A route of our own may have no ORIGIN; on export it is IGP (OutboundRules, RFC 4271 §5.1.1).
        Origin origin = a.origin() == null ? Origin.IGP : a.origin();
        byOrigin[origin.ordinal()] += delta;
        if (losesInformation(a)) {
            lossy += delta;
        }
    }

    boolean isEmpty() {
        return byOrigin[0] + byOrigin[1] + byOrigin[2] == 0;
    }

    /**
     * RFC 4271 §9.2.2.2 and RFC 9774. ORIGIN: INCOMPLETE if any contributor has it, else EGP if any has that, else
     * IGP. AS_PATH: empty here (our AS goes in front towards eBGP like on any route of ours); RFC 9774 forbids
     * sending an AS_SET, so the ASes of the contributors are not listed, and ATOMIC_AGGREGATE says so (§5.1.6) when
     * a contributor had any, or already carried ATOMIC_AGGREGATE itself. AGGREGATOR: our AS and router id (§5.1.7).
     * NEXT_HOP and MED are left to the export of each peer, as for the node's other routes.
     */
    PathAttributes attributes(NodeSettings node) {
        PathAttributes out = PathAttributes.of(worstOrigin(), AsPath.EMPTY,
                new Aggregator(node.localAs(), node.routerId()));
        return lossy > 0 ? out.with(AtomicAggregate.INSTANCE) : out;
    }

    /**
     * What {@link #attributes} depends on, as one small number, so a contributor that changes nothing of them costs
     * a comparison instead of new attributes; -1 while nothing contributes.
     */
    int shape() {
        return isEmpty() ? -1 : worstOrigin().ordinal() * 2 + (lossy > 0 ? 1 : 0);
    }

    private Origin worstOrigin() {
        return byOrigin[Origin.INCOMPLETE.ordinal()] > 0 ? Origin.INCOMPLETE
                : byOrigin[Origin.EGP.ordinal()] > 0 ? Origin.EGP : Origin.IGP;
    }

    private static boolean losesInformation(PathAttributes a) {
        AsPath path = a.asPath();
        return path != null && !path.isEmpty() || a.has(AttributeType.ATOMIC_AGGREGATE.code());
    }
}
