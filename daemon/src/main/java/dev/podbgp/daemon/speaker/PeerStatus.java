package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.out.SelfNextHops;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One peer as {@code show neighbors} and the metrics see it.
 *
 * @param since when the session last changed state
 * @param readingPaused the RIB is behind and this peer's socket is not read for now
 * @param nextHops our next hops on the current or last session
 * @param withoutNextHop the families that session negotiated but has no next hop of ours for: not announced
 * @param dynamicRange  the listen range a dynamic neighbour connected from; empty for a configured peer
 */
public record PeerStatus(IpAddress address, long asn, SessionState state, Instant since, String lastError,
        long updatesIn, long updatesOut, long flaps, boolean readingPaused, SelfNextHops nextHops,
        List<Family> withoutNextHop, Optional<Prefix> dynamicRange) {
}
