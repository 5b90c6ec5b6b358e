package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.SessionCapabilities;

/**
 * Where decode(encode(x)) = x cannot hold on a 2-octet session, by RFC rather than by bug.
 * Decoded attributes get there only from non-canonical input, found by the fuzz tests:
 * <ul>
 *   <li>We send a 2-octet aggregating AS as is in AGGREGATOR (RFC 6793 §4.2.2); the receiver
 *       then ignores AS4_PATH (§4.2.3), so 4-octet ASes come back as AS_TRANS. Input:
 *       AGGREGATOR = AS_TRANS with a 2-octet AS4_AGGREGATOR.
 *   <li>AS4_PATH carries no confederation segments (§3) and the merge takes only the
 *       leading part of AS_PATH, so a confederation segment after an ordinary one is lost.
 *       RFC 5065 §5 allows confederation segments only at the start of the path; rejecting
 *       the others needs the peer's role and belongs to UPDATE validation, not to the codec.
 * </ul>
 */
public final class Rfc6793Loss {
    private Rfc6793Loss() {}

    public static boolean as4PathLostAfterEncoding(PathAttributes attributes, SessionCapabilities caps) {
        AsPath path = attributes.asPath();
        if (caps.fourOctetAs() || path == null || !path.needsAs4()) {
            return false;
        }
        Aggregator aggregator = attributes.aggregator();
        boolean realTwoOctetAggregator = aggregator != null && !aggregator.needsAs4() && aggregator.asn() != AsPath.AS_TRANS;
        return realTwoOctetAggregator || confederationAfterOtherSegments(path);
    }

    private static boolean confederationAfterOtherSegments(AsPath path) {
        boolean ordinary = false;
        for (AsPathSegment s : path.segments()) {
            if (!s.type().isConfederation()) {
                ordinary = true;
            } else if (ordinary) {
                return true;
            }
        }
        return false;
    }
}
