package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that decides what a peer is sent and how it is encoded, and nothing that names the
 * peer: peers with equal profiles get the same bytes and share one {@link UpdateGroup}.
 *
 * @param peerAs the peers' AS; it decides iBGP or eBGP and is what export policy sees
 * @param self our next hops on the session: a link-local next hop is per link, so peers on different
 *     links are in different groups
 * @param policyNeighbor the peer's address when the export policy matches on it, else null, so
 *     such peers are only grouped with themselves
 * @param caps the codec context for sending (receive-side fields cleared)
 * @param families the families the session negotiated
 */
public record ExportProfile(PeerKind kind, long peerAs, boolean internal, boolean routeReflectorClient,
        boolean nextHopSelf, SelfNextHops self, Policy exportPolicy,
        IpAddress policyNeighbor, SessionCapabilities caps, Set<Family> families) {

    public ExportProfile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(exportPolicy, "exportPolicy");
        Objects.requireNonNull(caps, "caps");
        families = Set.copyOf(families);
        // Only what changes the bytes we write splits groups (ADD-PATH receive does not).
        caps = new SessionCapabilities(caps.fourOctetAs(), Set.of(), caps.addPathSend(), caps.extendedMessage(),
                caps.extendedNextHop());
    }
}
