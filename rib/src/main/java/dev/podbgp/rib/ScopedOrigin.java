package dev.podbgp.rib;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the node originates for one prefix when that differs by peer: the route for everyone (or none), the
 * attributes announced to named peers instead, and the named peers that were told to withdraw it while everyone
 * else keeps it. This is ExaBGP's RIB per neighbour, kept only where it says something a single route cannot: a
 * prefix announced to every peer alike has no {@code ScopedOrigin}, just its local route.
 *
 * <p>The Loc-RIB still holds one local route for the prefix ({@link #representative}); Adj-RIB-Out asks
 * {@link #attributesFor} what each peer is sent instead of it. Not thread-safe: the RIB thread owns it.
 */
public final class ScopedOrigin {

    private PathAttributes everyone;
    private final TreeMap<IpAddress, PathAttributes> overrides = new TreeMap<>();
    private final TreeSet<IpAddress> withheld = new TreeSet<>();

    /** @param everyone the prefix's route for every peer so far, or null when there is none */
    ScopedOrigin(PathAttributes everyone) {
        this.everyone = everyone;
    }

    /** An announcement for every peer: it replaces what each named peer was told, as it would in ExaBGP. */
    void announceToEveryone(PathAttributes attributes) {
        everyone = attributes;
        overrides.clear();
        withheld.clear();
    }

    /** A withdrawal for every peer: nobody gets the prefix any more, named peers included. */
    void withdrawFromEveryone() {
        everyone = null;
        overrides.clear();
        withheld.clear();
    }

    void announce(SortedSet<IpAddress> peers, PathAttributes attributes) {
        for (IpAddress p : peers) {
            overrides.put(p, attributes);
            withheld.remove(p);
        }
    }

    /** These peers no longer get the prefix; the others keep what they were sent. */
    void withdraw(SortedSet<IpAddress> peers) {
        for (IpAddress p : peers) {
            overrides.remove(p);
            if (everyone != null) {
                withheld.add(p);
            }
        }
    }

    /** Forgets what was said to these peers (whoever said it is gone): they fall back to the route for everyone. */
    void forget(SortedSet<IpAddress> peers) {
        for (IpAddress p : peers) {
            overrides.remove(p);
            withheld.remove(p);
        }
    }

    /** Forgets the route for everyone; what named peers were sent stays. */
    void forgetEveryone() {
        everyone = null;
        // Withholding is relative to the route for everyone: with none, nothing is withheld.
        withheld.clear();
    }

    /** Forgets one peer altogether (it left the configuration). */
    void forgetPeer(IpAddress peer) {
        overrides.remove(peer);
        withheld.remove(peer);
    }

    /**
     * The attributes this peer is sent, or null for none.
     *
     * @param peer a peer named by some scope, or null for a peer named by none (it gets the route for everyone)
     */
    public PathAttributes attributesFor(IpAddress peer) {
        if (peer == null) {
            return everyone;
        }
        if (withheld.contains(peer)) {
            return null;
        }
        PathAttributes own = overrides.get(peer);
        return own != null ? own : everyone;
    }

    /** The route for everyone, or null when only named peers get the prefix. */
    public PathAttributes everyone() {
        return everyone;
    }

    /** The attributes per named peer, in address order. */
    public Map<IpAddress, PathAttributes> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /** Named peers that do not get the prefix though everyone else does. */
    public Set<IpAddress> withheld() {
        return Collections.unmodifiableSet(withheld);
    }

    /** Every peer some scope names: each of them needs its own update group to be sent its own view. */
    Set<IpAddress> named() {
        Set<IpAddress> out = new TreeSet<>(overrides.keySet());
        out.addAll(withheld);
        return out;
    }

    /** The attributes of the prefix's local route in the Loc-RIB: the route for everyone, else the first named one's. */
    PathAttributes representative() {
        if (everyone != null) {
            return everyone;
        }
        return overrides.isEmpty() ? null : overrides.firstEntry().getValue();
    }

    /** Says nothing per peer: the local route alone (or its absence) tells it all. */
    boolean isUniform() {
        return overrides.isEmpty() && withheld.isEmpty();
    }
}
