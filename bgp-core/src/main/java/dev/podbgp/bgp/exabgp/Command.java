package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.nlri.NlriEntry;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import java.util.List;

/**
 * One ExaBGP text API command. {@code peers} empty means every peer; otherwise a peer gets the
 * command when any selector matches it. Every route of one command is of one {@link #family()}.
 */
public sealed interface Command {

    List<PeerSelector> peers();

    Family family();

    /** The prefixes the command announces or withdraws; none for End-of-RIB. */
    default List<Prefix> prefixes() {
        List<NlriEntry> routes = switch (this) {
            case Announce a -> a.routes();
            case Withdraw w -> w.routes();
            case EndOfRib e -> List.of();
        };
        return routes.stream().map(NlriEntry::prefix).toList();
    }

    /**
     * {@code announce route ...} or {@code announce attributes ... nlri ...}.
     *
     * @param attributes what the command gave, never NEXT_HOP, MP_REACH_NLRI or
     *                   MP_UNREACH_NLRI: the next hop is {@code nextHop}, the prefixes are
     *                   {@code routes}. Session defaults (ORIGIN, AS_PATH, LOCAL_PREF) are not
     *                   added here but by {@link ExabgpSendDefaults}, since they depend on the peer.
     */
    record Announce(List<PeerSelector> peers, List<NlriEntry> routes, NextHopSpec nextHop,
                    PathAttributes attributes) implements Command {
        public Announce {
            peers = List.copyOf(peers);
            routes = List.copyOf(routes);
            checkOneFamily(routes);
            for (int code : new int[] {AttributeType.NEXT_HOP.code(), AttributeType.MP_REACH_NLRI.code(),
                    AttributeType.MP_UNREACH_NLRI.code()}) {
                if (attributes.has(code)) {
                    throw new IllegalArgumentException("attribute type " + code + " is carried by the command itself");
                }
            }
        }

        @Override
        public Family family() {
            return familyOf(routes);
        }
    }

    /**
     * {@code withdraw route ...} or {@code withdraw attributes ... nlri ...}. ExaBGP accepts
     * attributes on a withdrawal and does nothing with them that a peer may rely on (RFC 4271
     * §4.3 withdrawals carry no attributes), so none are kept.
     */
    record Withdraw(List<PeerSelector> peers, List<NlriEntry> routes) implements Command {
        public Withdraw {
            peers = List.copyOf(peers);
            routes = List.copyOf(routes);
            checkOneFamily(routes);
        }

        @Override
        public Family family() {
            return familyOf(routes);
        }
    }

    /** {@code announce eor [AFI SAFI]}: an End-of-RIB marker (RFC 4724 §2), IPv4 unicast by default. */
    record EndOfRib(List<PeerSelector> peers, Family family) implements Command {
        public EndOfRib {
            peers = List.copyOf(peers);
        }
    }

    private static void checkOneFamily(List<NlriEntry> routes) {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one route");
        }
        Family f = familyOf(routes);
        for (NlriEntry e : routes) {
            if (!familyOf(e).equals(f)) {
                throw new IllegalArgumentException("routes of one command are of one family: " + routes);
            }
        }
    }

    private static Family familyOf(List<NlriEntry> routes) {
        return familyOf(routes.getFirst());
    }

    private static Family familyOf(NlriEntry e) {
        return e.prefix() instanceof Ipv4Prefix ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
    }
}
