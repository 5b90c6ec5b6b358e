package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.time.Instant;
import java.util.Optional;

/**
 * One peer as {@code show neighbors} and the metrics see it.
 *
 * @param since when the session last changed state
 * @param readingPaused the RIB is behind and this peer's socket is not read for now
 * @param dynamicRange  the listen range a dynamic neighbour connected from; empty for a configured peer
 */
public record PeerStatus(IpAddress address, long asn, SessionState state, Instant since, String lastError,
        long updatesIn, long updatesOut, long flaps, boolean readingPaused, Optional<Prefix> dynamicRange) {
}
