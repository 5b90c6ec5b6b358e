package dev.podbgp.config;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.util.List;
import java.util.Optional;

/**
 * One configured neighbour as the file states it, with defaults filled in.
 *
 * @param families             defaults to unicast of the peer address's family
 * @param maxPrefix            defaults to {@link MaxPrefixSpec#EXTERNAL_DEFAULT} for external peers, none for mesh
 * @param importPolicy         a policy name; empty means the safe defaults alone
 * @param routeReflectorClient this node reflects routes to it (RFC 4456); needs the route-reflector role
 * @param bfd                  {@link BfdSpec#DISABLED} unless the peer has a {@code bfd} key
 * @param nextHop              {@link NextHopSpec#NONE} unless the peer has a {@code nextHop} key
 * @param interfaceName        an unnumbered peer: the link it is reached over; its {@code address} is then
 *                             {@link Ipv6Address#ANY} until neighbour discovery learns its link-local address
 */
public record PeerSpec(IpAddress address, long asn, Optional<IpAddress> localAddress, int port,
                       PasswordSpec password, TtlSpec ttl, TimersSpec timers, List<FamilySpec> families,
                       boolean passive, Optional<String> importPolicy, Optional<String> exportPolicy,
                       Optional<MaxPrefixSpec> maxPrefix, boolean routeReflectorClient, boolean nextHopSelf,
                       PeerKindSpec kind, BfdSpec bfd, NextHopSpec nextHop, Optional<String> interfaceName) {
    public PeerSpec {
        families = List.copyOf(families);
    }
}
