package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;

/**
 * What ExaBGP 4.2 adds to, or drops from, a route's attributes when it sends it on one
 * session ({@code Attributes.pack} in its source), so that a route podbgp originates for a
 * command leaves with the bytes ExaBGP would send:
 *
 * <ul>
 *   <li>ORIGIN IGP when the command gave none (RFC 4271 §5.1.1 makes ORIGIN mandatory);
 *   <li>AS_PATH, when none was given: empty on iBGP, the local AS alone on eBGP (RFC 4271
 *       §5.1.2). A given AS_PATH is sent as is: ExaBGP does not prepend its AS to it, and
 *       neither does podbgp for a command, whose author chose the path;
 *   <li>LOCAL_PREF 100 on iBGP when none was given; on eBGP LOCAL_PREF is never sent, even
 *       when given (RFC 4271 §5.1.5);
 *   <li>AIGP only on iBGP: ExaBGP sends it to an eBGP peer only with {@code aigp enable},
 *       which podbgp has no equivalent of (RFC 7311 §3 limits it to one administration).
 * </ul>
 *
 * @param ibgp         the peer is in our AS
 * @param localAs      our AS number on this session
 * @param localAddress our address on this session: {@code next-hop self} for routes of its family
 * @param routerId     our BGP identifier: ExaBGP's {@code next-hop self} for IPv4 routes on an IPv6 session
 */
public record ExabgpSendDefaults(boolean ibgp, long localAs, IpAddress localAddress, Ipv4Address routerId) {

    /** RFC 4271 §9.1.1 leaves the default to the operator; 100 is ExaBGP's and most routers'. */
    public static final long DEFAULT_LOCAL_PREF = 100;

    public PathAttributes apply(PathAttributes given) {
        PathAttributes out = given;
        if (out.origin() == null) {
            out = out.with(Origin.IGP);
        }
        if (out.asPath() == null) {
            out = out.with(ibgp ? AsPath.EMPTY : AsPath.ofSequence(localAs));
        }
        if (ibgp) {
            if (out.localPref() == null) {
                out = out.with(new LocalPref(DEFAULT_LOCAL_PREF));
            }
        } else {
            out = out.without(AttributeType.LOCAL_PREF.code()).without(GenericAttributeParser.AIGP);
        }
        return out;
    }

    /**
     * The address {@code next-hop self} stands for, for a route of {@code family}: our address on
     * this session when it is of the route's family; for an IPv4 route on an IPv6 session, the
     * router id, as ExaBGP does. An IPv6 route on an IPv4 session has no IPv6 address of ours to
     * use: ExaBGP then sends 0.0.0.0 in the IPv6 next-hop field, which peers refuse, so podbgp
     * refuses to encode it.
     *
     * @throws IllegalArgumentException for an IPv6 route on an IPv4 session
     */
    public IpAddress resolve(NextHopSpec nextHop, Family family) {
        return switch (nextHop) {
            case NextHopSpec.Address a -> a.address();
            case NextHopSpec.Self s -> {
                boolean v6Route = family.afi() == Family.AFI_IPV6;
                if (v6Route == (localAddress instanceof Ipv6Address)) {
                    yield localAddress;
                }
                if (!v6Route) {
                    yield routerId;
                }
                throw new IllegalArgumentException("next-hop self for an IPv6 route needs an IPv6 session; this one is "
                        + "from " + localAddress);
            }
        };
    }
}
