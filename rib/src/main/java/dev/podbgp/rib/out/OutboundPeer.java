package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.policy.Match;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.Rule;
import java.util.Objects;
import java.util.Set;

/**
 * One established peer as Adj-RIB-Out sees it: who it is and its export settings.
 *
 * @param self our next hops for this peer, per family, when we set next hop self (RFC 4271 §5.1.3)
 * @param caps what the session negotiated
 * @param families the families the session negotiated
 * @param output where this session's encoded UPDATEs go; Adj-RIB-Out only asks it whether it
 *     is writable and hands it back with the bytes ({@link OutputSink#TO_PEER_OUTPUT})
 */
public record OutboundPeer(PeerInfo peer, PeerKind kind, boolean nextHopSelf, SelfNextHops self,
        Policy exportPolicy, SessionCapabilities caps, Set<Family> families, SessionOutput output) {

    public OutboundPeer {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(exportPolicy, "exportPolicy");
        Objects.requireNonNull(caps, "caps");
        families = Set.copyOf(families);
        Objects.requireNonNull(output, "output");
        if (peer.isLocal()) {
            throw new IllegalArgumentException("the local pseudo-peer is not sent anything");
        }
    }

    /** A peer whose bytes the caller's {@link OutputSink} takes (tests, benchmarks): always writable. */
    public OutboundPeer(PeerInfo peer, PeerKind kind, boolean nextHopSelf, SelfNextHops self,
            Policy exportPolicy, SessionCapabilities caps, Set<Family> families) {
        this(peer, kind, nextHopSelf, self, exportPolicy, caps, families, SessionOutput.DISCARD);
    }

    /** The same session with new export settings (a policy reload): same output, same addresses. */
    public OutboundPeer withExport(PeerKind newKind, boolean newNextHopSelf, Policy newExportPolicy) {
        return new OutboundPeer(peer, newKind, newNextHopSelf, self, newExportPolicy, caps, families, output);
    }

    public int id() {
        return peer.id();
    }

    public ExportProfile profile() {
        return new ExportProfile(kind, peer.asn(), peer.internal(), peer.routeReflectorClient(), nextHopSelf,
                self, exportPolicy, matchesNeighborAddress(exportPolicy) ? peer.address() : null,
                caps, families);
    }

    private static boolean matchesNeighborAddress(Policy policy) {
        for (Rule r : policy.rules()) {
            if (mentionsAddress(r.match())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsAddress(Match m) {
        return switch (m) {
            case Match.NeighborAddress n -> true;
            case Match.AllOf all -> all.conditions().stream().anyMatch(OutboundPeer::mentionsAddress);
            case Match.AnyOf any -> any.conditions().stream().anyMatch(OutboundPeer::mentionsAddress);
            default -> false;
        };
    }
}
