package dev.podbgp.rib.out;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.rib.policy.PeerKind;
import java.util.Set;

/**
 * Which peers an {@link Aggregate} is announced to: those named by address, and every peer of the named kinds.
 *
 * @param addresses peers by their configured address
 * @param kinds every peer of these kinds; {@link PeerKind#LOCAL} is no peer and is refused
 */
public record AggregatePeers(Set<IpAddress> addresses, Set<PeerKind> kinds) {

    /** The default: the routers outside the cluster, which are who a summary is for. */
    public static final AggregatePeers EXTERNAL = new AggregatePeers(Set.of(), Set.of(PeerKind.EXTERNAL));

    public AggregatePeers {
        addresses = Set.copyOf(addresses);
        kinds = Set.copyOf(kinds);
        if (kinds.contains(PeerKind.LOCAL)) {
            throw new IllegalArgumentException("the local pseudo-peer is sent nothing");
        }
        if (addresses.isEmpty() && kinds.isEmpty()) {
            throw new IllegalArgumentException("an aggregate needs at least one peer or kind of peer");
        }
    }

    boolean selects(OutboundPeer peer) {
        return kinds.contains(peer.kind()) || addresses.contains(peer.peer().address());
    }
}
