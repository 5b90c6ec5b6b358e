package dev.podbgp.config;

import dev.podbgp.inet.Prefix;

/**
 * A listen range ({@code dynamicPeers[]}): connections from its addresses are accepted as peers with these
 * settings, for as long as their session lasts.
 *
 * @param maxSessions how many such peers may exist at once ({@link #DEFAULT_MAX_SESSIONS} unless given)
 * @param settings    what each peer of the range gets: address the range's own, AS {@code peerAs}'s
 *                    representative (the peer's own replaces both), always passive
 */
public record DynamicPeerSpec(Prefix range, PeerAsSpec peerAs, int maxSessions, PeerSpec settings) {
    /** Enough for the nodes of a rack or the clients of a reflector; a range open to more must say so. */
    public static final int DEFAULT_MAX_SESSIONS = 100;
}
