package dev.podbgp.bgp.exabgp;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import java.util.List;

/**
 * One {@code neighbor ...} prefix of a command. ExaBGP names each peer
 * {@code neighbor IP local-ip IP local-as N peer-as N router-id IP family-allowed in-open} and
 * a selector matches a peer when every one of its criteria matches: {@code neighbor A
 * neighbor B} therefore needs both (and matches nothing when A ≠ B), while the comma form
 * {@code neighbor A , neighbor B} gives two selectors, either of which may match. Values are
 * compared as addresses and numbers, not as text, so {@code 2001:DB8::1} finds
 * {@code 2001:db8::1}.
 */
public record PeerSelector(List<Criterion> criteria) {

    public PeerSelector {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a peer selector needs at least one criterion");
        }
    }

    public static PeerSelector neighbor(IpAddress address) {
        return new PeerSelector(List.of(new Criterion.Neighbor(address)));
    }

    /** ExaBGP's description of a peer, the fields a selector can name. */
    public record PeerIdentity(IpAddress peerAddress, IpAddress localAddress, long localAs, long peerAs,
                               Ipv4Address routerId) {}

    /** ExaBGP's {@code family-allowed} value for a peer without multi-session, the only kind podbgp has. */
    public static final String IN_OPEN = "in-open";

    public boolean matches(PeerIdentity peer) {
        for (Criterion c : criteria) {
            boolean ok = switch (c) {
                case Criterion.Neighbor n -> n.address().equals(peer.peerAddress());
                case Criterion.LocalIp l -> l.address().equals(peer.localAddress());
                case Criterion.LocalAs a -> a.asn() == peer.localAs();
                case Criterion.PeerAs a -> a.asn() == peer.peerAs();
                case Criterion.RouterId r -> r.id().equals(peer.routerId());
                case Criterion.FamilyAllowed f -> f.value().equals(IN_OPEN);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** One {@code key value} pair of a selector; the keys are the ones ExaBGP's peer names carry. */
    public sealed interface Criterion {
        record Neighbor(IpAddress address) implements Criterion {}

        record LocalIp(IpAddress address) implements Criterion {}

        record LocalAs(long asn) implements Criterion {}

        record PeerAs(long asn) implements Criterion {}

        record RouterId(Ipv4Address id) implements Criterion {}

        record FamilyAllowed(String value) implements Criterion {}
    }
}
