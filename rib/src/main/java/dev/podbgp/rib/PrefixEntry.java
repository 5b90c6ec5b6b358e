package dev.podbgp.rib;

import dev.podbgp.inet.Prefix;
import java.util.function.BiConsumer;

/**
 * What the {@link Rib}'s table holds for one prefix: its only {@link Route}, or {@link PrefixPaths} once the
 * prefix has several. A single route is stored as itself because most prefixes of a full table come from one
 * upstream, and then the prefix costs its table slot and nothing more. Sealed, so a switch over an entry names
 * both kinds and needs no default.
 *
 * <p>The questions asked of an entry are static here rather than methods, which {@link Route}, a public record,
 * would have to expose.
 */
sealed interface PrefixEntry permits Route, PrefixPaths {

    /** The route of this peer and path id in {@code entry}, or null; {@code entry} may be null (no route). */
    static Route find(PrefixEntry entry, PeerInfo peer, int pathId) {
        return switch (entry) {
            case null -> null;
            case Route r -> r.peer().id() == peer.id() && r.pathId() == pathId ? r : null;
            case PrefixPaths pp -> pp.find(peer, pathId);
        };
    }

    /** The entry's best route: the only one, or the one the last decision chose. */
    static Route best(PrefixEntry entry) {
        return switch (entry) {
            case Route r -> r;
            case PrefixPaths pp -> pp.best();
        };
    }

    /** Whether {@code entry} holds a route of this peer, any path id. */
    static boolean hasPeer(PrefixEntry entry, PeerInfo peer) {
        return switch (entry) {
            case null -> false;
            case Route r -> r.peer().id() == peer.id();
            case PrefixPaths pp -> pp.hasPeer(peer);
        };
    }

    /** Hands every route of this peer in {@code entry} to {@code visitor}. */
    static void forEachOf(PrefixEntry entry, PeerInfo peer, Prefix prefix, BiConsumer<Prefix, Route> visitor) {
        switch (entry) {
            case null -> { }
            case Route r -> {
                if (r.peer().id() == peer.id()) {
                    visitor.accept(prefix, r);
                }
            }
            case PrefixPaths pp -> {
                for (int i = 0; i < pp.count(); i++) {
                    if (pp.get(i).peer().id() == peer.id()) {
                        visitor.accept(prefix, pp.get(i));
                    }
                }
            }
        }
    }
}
