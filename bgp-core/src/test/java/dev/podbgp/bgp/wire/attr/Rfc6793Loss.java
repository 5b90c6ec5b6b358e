package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.SessionCapabilities;

/**
 * The one place where decode(encode(x)) = x cannot hold, by RFC rather than by bug: on a
 * 2-octet session we send a 2-octet aggregating AS as is in AGGREGATOR (RFC 6793 §4.2.2), and
 * the receiver then ignores AS4_PATH (§4.2.3), so a path with 4-octet ASes comes back with
 * AS_TRANS in their place. Decoded attributes get there only from a non-canonical input
 * (AGGREGATOR = AS_TRANS with a 2-octet AS4_AGGREGATOR).
 */
public final class Rfc6793Loss {
    private Rfc6793Loss() {}

    public static boolean as4PathIgnoredAfterEncoding(PathAttributes attributes, SessionCapabilities caps) {
        Aggregator aggregator = attributes.aggregator();
        AsPath path = attributes.asPath();
        return !caps.fourOctetAs() && aggregator != null && !aggregator.needsAs4() && aggregator.asn() != AsPath.AS_TRANS
                && path != null && path.needsAs4();
    }
}
