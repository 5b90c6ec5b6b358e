package dev.podbgp.config.state;

import dev.podbgp.config.BfdSpec;
import dev.podbgp.config.FamilySpec;
import dev.podbgp.config.MaxPrefixSpec;
import dev.podbgp.config.NextHopSpec;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.Secret;
import dev.podbgp.config.TimersSpec;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.util.List;
import java.util.Optional;

/**
 * One peer with every setting resolved: the password is the key itself (not where it came from),
 * defaults are applied, mesh peers are ordinary peers of kind MESH. A YAML file and Kubernetes
 * objects both produce these; the address identifies the peer across reloads. {@code bfd} is
 * {@link BfdSpec#DISABLED} unless asked for, {@code nextHop} {@link NextHopSpec#NONE}.
 *
 * <p>An unnumbered peer names its link in {@code interfaceName}. In {@link DesiredState#interfacePeers()}
 * it is a template whose address is {@link Ipv6Address#ANY}; once neighbour discovery has heard the
 * peer's link-local address, {@link #atLinkLocal} makes the ordinary peer the speaker runs.
 */
public record DesiredPeer(IpAddress address, long asn, Optional<IpAddress> localAddress, int port,
                          Optional<Secret> password, TtlSpec ttl, TimersSpec timers, List<FamilySpec> families,
                          boolean passive, Optional<String> importPolicy, Optional<String> exportPolicy,
                          Optional<MaxPrefixSpec> maxPrefix, boolean routeReflectorClient, boolean nextHopSelf,
                          PeerKindSpec kind, BfdSpec bfd, NextHopSpec nextHop, Optional<String> interfaceName) {
    public DesiredPeer {
        families = List.copyOf(families);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("peer " + address + " has no address family");
        }
        if (asn < 1 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("peer " + address + ": AS " + asn);
        }
    }

    /** Reached over a link by its link-local address rather than by a configured one. */
    public boolean unnumbered() {
        return interfaceName.isPresent();
    }

    /** This interface peer at the link-local address its router advertisements came from. */
    public DesiredPeer atLinkLocal(Ipv6Address linkLocal) {
        if (interfaceName.isEmpty() || !linkLocal.isLinkLocal()) {
            throw new IllegalArgumentException(linkLocal + " for peer " + address + (interfaceName.isEmpty() ? ", which has no interface" : ""));
        }
        return new DesiredPeer(linkLocal, asn, localAddress, port, password, ttl, timers, families, passive, importPolicy,
                exportPolicy, maxPrefix, routeReflectorClient, nextHopSelf, kind, bfd, nextHop, interfaceName);
    }

    /** The same settings for the peer at {@code other} in {@code otherAsn}: a listen range's or a gateway's peer. */
    public DesiredPeer with(IpAddress other, long otherAsn) {
        return new DesiredPeer(other, otherAsn, localAddress, port, password, ttl, timers, families, passive, importPolicy,
                exportPolicy, maxPrefix, routeReflectorClient, nextHopSelf, kind, bfd, nextHop, interfaceName);
    }
}
