package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.util.Objects;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Hash-consing of {@link Route}s. A route does not hold its prefix, so once its attribute set is
 * interned, every prefix a peer announces with the same attributes, path id and next hop has an
 * equal route: a full table of 1M prefixes in 1,000 attribute sets from one peer needs 1,000
 * route objects, and a prefix costs only its table slot (RibHeapFootprint: 57 to 25 bytes per
 * route). Weakly held like {@link AttributeInterner}: a route no prefix uses any more is
 * reclaimed by the GC. Single-threaded like the rest of the RIB.
 *
 * <p>Matching is by identity of the peer and of the (interned) attribute set, which is exact for
 * everything the RIB builds; an equal but distinct attribute set only costs sharing, never
 * correctness, because {@link Route} keeps its value equality.
 */
final class RouteInterner {

    private static final class Entry extends WeakReference<Route> {
        final int hash;
        Entry next;

        Entry(Route route, int hash, ReferenceQueue<Route> queue, Entry next) {
            super(route, queue);
            this.hash = hash;
            this.next = next;
        }
    }

    private final ReferenceQueue<Route> cleared = new ReferenceQueue<>();
    private Entry[] table = new Entry[64];
    private int size;
    // The prefixes of one UPDATE share peer, attributes and next hop: the last route answers
    // all but the first of them without hashing.
    private Route last;

    Route intern(PeerInfo peer, int pathId, PathAttributes attributes, IpAddress nextHop) {
        return intern(peer, pathId, attributes, nextHop, null);
    }

    Route intern(PeerInfo peer, int pathId, PathAttributes attributes, IpAddress nextHop, Ipv6Address linkLocal) {
        Route l = last;
        if (l != null && matches(l, peer, pathId, attributes, nextHop, linkLocal)) {
            return l;
        }
        expungeCleared();
        int hash = hash(peer, pathId, attributes, nextHop, linkLocal);
        int i = hash & (table.length - 1);
        for (Entry e = table[i]; e != null; e = e.next) {
            Route r = e.hash == hash ? e.get() : null;
            if (r != null && matches(r, peer, pathId, attributes, nextHop, linkLocal)) {
                last = r;
                return r;
            }
        }
        Route route = new Route(peer, pathId, attributes, nextHop, linkLocal);
        table[i] = new Entry(route, hash, cleared, table[i]);
        if (++size > table.length - (table.length >>> 2)) {
            resize();
        }
        last = route;
        return route;
    }

    /** Distinct routes still held (for metrics and tests); cleared ones may linger until the next intern. */
    int size() {
        return size;
    }

    private static boolean matches(Route r, PeerInfo peer, int pathId, PathAttributes attributes, IpAddress nextHop,
            Ipv6Address linkLocal) {
        return r.attributes() == attributes && r.peer() == peer && r.pathId() == pathId
                && r.nextHop().equals(nextHop) && Objects.equals(r.linkLocalNextHop(), linkLocal);
    }

    private static int hash(PeerInfo peer, int pathId, PathAttributes attributes, IpAddress nextHop, Ipv6Address linkLocal) {
        int h = System.identityHashCode(attributes);
        h = h * 31 + System.identityHashCode(peer);
        h = h * 31 + pathId;
        h = h * 31 + nextHop.hashCode();
        h = h * 31 + Objects.hashCode(linkLocal);
        return h ^ (h >>> 16);
    }

    private void expungeCleared() {
        for (Object ref; (ref = cleared.poll()) != null; ) {
            Entry dead = (Entry) ref;
            int i = dead.hash & (table.length - 1);
            Entry prev = null;
            for (Entry e = table[i]; e != null; prev = e, e = e.next) {
                if (e == dead) {
                    if (prev == null) {
                        table[i] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    size--;
                    break;
                }
            }
        }
    }

    private void resize() {
        Entry[] old = table;
        table = new Entry[old.length * 2];
        for (Entry head : old) {
            for (Entry e = head; e != null; ) {
                Entry next = e.next;
                int i = e.hash & (table.length - 1);
                e.next = table[i];
                table[i] = e;
                e = next;
            }
        }
    }
}
