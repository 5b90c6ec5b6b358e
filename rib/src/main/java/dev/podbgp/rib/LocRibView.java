package dev.podbgp.rib;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The Loc-RIB as it stands: every prefix's best route. Adj-RIB-Out reads it to fill an update
 * group created after routes were learned, instead of keeping a second copy of a table that may
 * hold a million prefixes.
 */
public interface LocRibView {

    /** Hands every prefix with a route, and its best route, to {@code visitor}; IPv4 first. */
    void forEachBest(BiConsumer<Prefix, Route> visitor);

    /**
     * What the node originates per peer for the prefix when that differs by peer, else null: a local best route of
     * such a prefix is sent to each peer as {@link ScopedOrigin#attributesFor} says.
     */
    default ScopedOrigin scopedOrigin(Prefix prefix) {
        return null;
    }

    /** The peer addresses named by some {@link ScopedOrigin}: each needs an update group of its own. */
    default Set<IpAddress> scopedPeers() {
        return Set.of();
    }
}
