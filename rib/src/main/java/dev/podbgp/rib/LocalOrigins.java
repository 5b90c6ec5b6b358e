package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The node's own routes with a {@link PeerScope} for the {@link Rib}: the prefixes whose route differs by peer, as
 * {@link ScopedOrigin}s, and the one local route per prefix the Loc-RIB keeps for them. The public entry points and
 * their contracts are the {@link Rib} methods {@code originate}, {@code withdrawOriginated} and
 * {@code forgetOriginated}. A prefix announced to everyone alike costs nothing here.
 */
final class LocalOrigins {

    private final Rib rib;
    private final Map<Prefix, ScopedOrigin> scoped = new HashMap<>();
    /** How many scoped prefixes name each peer address; its key set is every address some scope names. */
    private final Map<IpAddress, Integer> namedBy = new HashMap<>();
    private final Set<IpAddress> named = Collections.unmodifiableSet(namedBy.keySet());

    LocalOrigins(Rib rib) {
        this.rib = rib;
    }

    void announce(Prefix prefix, PathAttributes attributes, PeerScope scope) {
        switch (scope) {
            case PeerScope.Everyone e when !scoped.containsKey(prefix) -> rib.setLocalRoute(prefix, attributes);
            case PeerScope.Everyone e -> change(prefix, o -> o.announceToEveryone(attributes));
            case PeerScope.Peers p -> change(prefix, o -> o.announce(p.addresses(), attributes));
        }
    }

    void withdraw(Prefix prefix, PeerScope scope) {
        switch (scope) {
            case PeerScope.Everyone e when !scoped.containsKey(prefix) -> rib.setLocalRoute(prefix, null);
            case PeerScope.Everyone e -> change(prefix, ScopedOrigin::withdrawFromEveryone);
            case PeerScope.Peers p -> change(prefix, o -> o.withdraw(p.addresses()));
        }
    }

    void forget(Prefix prefix, PeerScope scope) {
        switch (scope) {
            case PeerScope.Everyone e when !scoped.containsKey(prefix) -> rib.setLocalRoute(prefix, null);
            case PeerScope.Everyone e -> change(prefix, ScopedOrigin::forgetEveryone);
            case PeerScope.Peers p -> {
                if (scoped.containsKey(prefix)) {
                    change(prefix, o -> o.forget(p.addresses()));
                }
            }
        }
    }

    /** The peer left the configuration: what it was told is forgotten, so a peer added later starts afresh. */
    void peerRemoved(IpAddress peer) {
        if (!named.contains(peer)) {
            return;
        }
        List<Prefix> touched = scoped.entrySet().stream().filter(e -> e.getValue().named().contains(peer))
                .map(Map.Entry::getKey).toList();
        for (Prefix p : touched) {
            change(p, o -> o.forgetPeer(peer));
        }
    }

    ScopedOrigin at(Prefix prefix) {
        return scoped.get(prefix);
    }

    Set<IpAddress> named() {
        return named;
    }

    private void change(Prefix prefix, Consumer<ScopedOrigin> op) {
        ScopedOrigin o = scoped.get(prefix);
        boolean wasScoped = o != null;
        if (o == null) {
            o = new ScopedOrigin(rib.localAttributes(prefix));
        }
        Set<IpAddress> namedBefore = wasScoped ? o.named() : Set.of();
        op.accept(o);
        boolean isScoped = !o.isUniform();
        if (isScoped) {
            scoped.put(prefix, o);
        } else {
            scoped.remove(prefix);
        }
        // Counted per change, not recomputed over every scoped prefix: a helper may scope thousands.
        namedBefore.forEach(a -> namedBy.computeIfPresent(a, (k, n) -> n == 1 ? null : n - 1));
        if (isScoped) {
            o.named().forEach(a -> namedBy.merge(a, 1, Integer::sum));
        }
        PathAttributes representative = o.representative();
        rib.setLocalRoute(prefix, representative);
        if (representative != null && (wasScoped || isScoped)) {
            // What some peer is sent may have changed though the Loc-RIB's route did not: Adj-RIB-Out looks again
            // (a change published twice costs it nothing, the latest per prefix counts).
            rib.republish(prefix);
        }
    }
}
