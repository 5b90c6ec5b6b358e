package dev.podbgp.rib;

import dev.podbgp.inet.Prefix;
import java.util.function.BiConsumer;

/**
 * The Loc-RIB as it stands: every prefix's best route. Adj-RIB-Out reads it to fill an update
 * group created after routes were learned, instead of keeping a second copy of a table that may
 * hold a million prefixes.
 */
public interface LocRibView {

    /** Hands every prefix with a route, and its best route, to {@code visitor}; IPv4 first. */
    void forEachBest(BiConsumer<Prefix, Route> visitor);
}
