package dev.podbgp.rib.out;

import dev.podbgp.inet.Prefix;
import java.util.List;

/**
 * The aggregates one update group announces: part of the group's key, since peers that get different aggregates
 * (or different more-specifics because of {@code summaryOnly}) cannot share the bytes. Usually empty or one or two
 * entries, so the per-prefix checks below scan a list.
 */
record AggregateSelection(List<Aggregate> aggregates) {

    static final AggregateSelection NONE = new AggregateSelection(List.of());

    AggregateSelection {
        aggregates = List.copyOf(aggregates);
    }

    boolean isEmpty() {
        return aggregates.isEmpty();
    }

    /** The prefix is a more-specific of a summary-only aggregate of the group: the group is not sent it. */
    boolean suppresses(Prefix p) {
        for (Aggregate a : aggregates) {
            if (a.summaryOnly() && a.coversMoreSpecific(p)) {
                return true;
            }
        }
        return false;
    }

    /** The group's aggregate for exactly {@code p}, or null. */
    Aggregate at(Prefix p) {
        for (Aggregate a : aggregates) {
            if (a.prefix().equals(p)) {
                return a;
            }
        }
        return null;
    }
}
