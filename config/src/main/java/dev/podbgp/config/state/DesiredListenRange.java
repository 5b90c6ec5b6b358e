package dev.podbgp.config.state;

import dev.podbgp.config.PeerAsSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;

/**
 * A listen range with every setting resolved: connections from {@code range} become peers with {@code template}'s
 * settings. Compared by value: a reload that changes any of it ends the range's sessions and starts it again.
 *
 * @param template the settings of each peer of the range; its address and AS stand in for the peer's own
 */
public record DesiredListenRange(Prefix range, PeerAsSpec peerAs, int maxSessions, DesiredPeer template) {
    public DesiredListenRange {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("listen range " + range + ": maxSessions " + maxSessions);
        }
        if (!template.passive()) {
            throw new IllegalArgumentException("listen range " + range + ": its peers are passive");
        }
    }

    /** The peer that connected from {@code address} and announced {@code asn} in its OPEN. */
    public DesiredPeer peerAt(IpAddress address, long asn) {
        return template.with(address, asn);
    }
}
