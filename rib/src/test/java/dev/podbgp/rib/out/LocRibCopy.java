package dev.podbgp.rib.out;

import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.LocRibView;
import dev.podbgp.rib.RibListener;
import dev.podbgp.rib.Route;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A Loc-RIB for tests that drive {@link AdjRibOut} with changes instead of a {@code Rib}: it keeps the
 * best route per prefix that the changes say, and passes each change on, as the Rib does
 * (table first, then its listeners).
 */
final class LocRibCopy implements LocRibView {
    private final Map<Prefix, Route> best = new LinkedHashMap<>();
    private RibListener listener = change -> { };

    /** The Adj-RIB-Out that reads this copy and hears its changes. */
    AdjRibOut adjRibOut(NodeSettings node) {
        AdjRibOut out = new AdjRibOut(node, this);
        listener = out;
        return out;
    }

    void apply(LocRibChange change) {
        switch (change) {
            case LocRibChange.Selected s -> best.put(s.prefix(), s.best());
            case LocRibChange.Withdrawn w -> best.remove(w.prefix());
        }
        listener.onLocRibChange(change);
    }

    @Override
    public void forEachBest(BiConsumer<Prefix, Route> visitor) {
        best.forEach(visitor);
    }
}
