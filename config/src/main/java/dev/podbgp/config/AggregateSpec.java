package dev.podbgp.config;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code aggregates}: a prefix announced instead of, or besides, the routes inside it (RFC 4271
 * §9.2.2.2) while at least one of them exists. Never a host route; its family is the prefix's.
 *
 * @param summaryOnly   the routes inside it are not sent to the selected peers
 * @param peerAddresses peers it is sent to by address
 * @param peerKinds     every peer of these kinds gets it; by default {@code external}
 */
public record AggregateSpec(Prefix prefix, boolean summaryOnly, List<IpAddress> peerAddresses,
                            Set<PeerKindSpec> peerKinds) {
    /** The peers an aggregate goes to when the file does not say: the routers outside the cluster. */
    public static final Set<PeerKindSpec> DEFAULT_KINDS = Set.of(PeerKindSpec.EXTERNAL);

    public AggregateSpec {
        peerAddresses = List.copyOf(peerAddresses);
        peerKinds = Set.copyOf(peerKinds);
        if (prefix.length() == prefix.family().bitLength()) {
            throw new IllegalArgumentException("aggregate " + prefix + " is a host route");
        }
    }
}
