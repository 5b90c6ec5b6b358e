package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Route;
import dev.podbgp.rib.policy.ExportScope;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.PolicyContext;
import dev.podbgp.rib.policy.PolicyResult;

/**
 * From a Loc-RIB best route to what a peer is sent: a pure function, no state. The rules run
 * in this order: scope (split horizon, reflection, well-known communities, family), attribute
 * rewriting for iBGP or eBGP, next hop, the pod-CIDR safe defaults, then the export policy.
 */
public final class OutboundRules {

    /** RFC 4271 §5.1.5: sent to iBGP peers when the route has none; the customary default. */
    public static final long DEFAULT_LOCAL_PREF = 100;
    /** Placeholder for the policy context when the profile does not carry the peer's address. */
    private static final IpAddress NO_NEIGHBOR = Ipv4Address.ANY;

    private OutboundRules() {
    }

    /** For one peer: {@link #forProfile} plus split horizon towards the route's own source. */
    public static Outbound forPeer(Prefix prefix, Route best, OutboundPeer target, NodeSettings node) {
        if (best.peer().id() == target.id() && !best.peer().isLocal()) {
            return new Outbound.Suppressed(Suppression.SOURCE_PEER);
        }
        return forProfile(prefix, best, target.profile(), node);
    }

    /**
     * For every peer of a profile. Split horizon towards the peer the route came from is not
     * decided here, since it is the one thing that differs between members of an update group.
     */
    public static Outbound forProfile(Prefix prefix, Route best, ExportProfile to, NodeSettings node) {
        return forProfile(prefix, best, to, node, null);
    }

    /**
     * As above; {@code memo} remembers the last rewrite, which depends only on the source and the
     * attributes, so the prefixes of one received UPDATE are rewritten once per group.
     */
    static Outbound forProfile(Prefix prefix, Route best, ExportProfile to, NodeSettings node, RewriteMemo memo) {
        PeerInfo from = best.peer();
        PathAttributes in = best.attributes();
        Suppression scope = scope(prefix, from, in.communities(), to, node);
        if (scope != null) {
            return new Outbound.Suppressed(scope);
        }
        boolean self = nextHopIsSelf(best, to);
        IpAddress nextHop = nextHop(prefix, best, to, self);
        if (nextHop == null) {
            return new Outbound.Suppressed(Suppression.NO_USABLE_NEXT_HOP);
        }
        // RFC 2545 §3: the link-local address goes with our own global one, and only to a peer on its link
        // (the daemon sets it only then); a next hop passed on unchanged never carries ours.
        Ipv6Address linkLocal = self && prefix instanceof Ipv6Prefix ? to.self().ipv6LinkLocal() : null;
        if (!ExportScope.mayExport(kindOf(from), to.kind(), node.role())) {
            return new Outbound.Suppressed(Suppression.EXPORT_SCOPE);
        }
        PathAttributes out = memo == null ? rewrite(from, in, to, node) : memo.rewrite(from, in, to, node);
        PolicyContext context = new PolicyContext(to.policyNeighbor() == null ? NO_NEIGHBOR : to.policyNeighbor(),
                to.peerAs(), node.localAs(), to.internal());
        return switch (to.exportPolicy().evaluate(prefix, out, context)) {
            case PolicyResult.Rejected r -> new Outbound.Suppressed(Suppression.EXPORT_POLICY);
            // A policy may set LOCAL_PREF, but it still never reaches an eBGP peer (RFC 4271 §5.1.5).
            case PolicyResult.Accepted a -> new Outbound.Advertise(
                    to.internal() ? a.attributes() : a.attributes().without(AttributeType.LOCAL_PREF.code()), nextHop,
                    linkLocal);
        };
    }

    /** The source as the safe defaults see it; a learned route is MESH when it came over iBGP. */
    static PeerKind kindOf(PeerInfo from) {
        return from.isLocal() ? PeerKind.LOCAL : from.internal() ? PeerKind.MESH : PeerKind.EXTERNAL;
    }

    private static Suppression scope(Prefix prefix, PeerInfo from, Communities communities, ExportProfile to,
            NodeSettings node) {
        if (communities != null) {
            // RFC 1997: NO_ADVERTISE goes to no peer; NO_EXPORT and NO_EXPORT_SUBCONFED to no
            // eBGP peer. Without confederations every eBGP peer is outside the AS, so the two
            // behave alike.
            if (communities.contains(Communities.NO_ADVERTISE)) {
                return Suppression.NO_ADVERTISE;
            }
            if (!to.internal() && communities.contains(Communities.NO_EXPORT)) {
                return Suppression.NO_EXPORT;
            }
            if (!to.internal() && communities.contains(Communities.NO_EXPORT_SUBCONFED)) {
                return Suppression.NO_EXPORT_SUBCONFED;
            }
        }
        if (!from.isLocal() && from.internal() && to.internal()) {
            // RFC 4271 §9.2: iBGP-learned routes are not passed to iBGP peers, unless we reflect.
            if (!node.role().routeReflector()) {
                return Suppression.IBGP_SPLIT_HORIZON;
            }
            // RFC 4456 §6: from a client to everyone; from a non-client to clients only.
            if (!from.routeReflectorClient() && !to.routeReflectorClient()) {
                return Suppression.NON_CLIENT_TO_NON_CLIENT;
            }
        }
        if (!to.families().contains(familyOf(prefix))) {
            return Suppression.FAMILY_NOT_NEGOTIATED;
        }
        return null;
    }

    static Family familyOf(Prefix prefix) {
        return switch (prefix) {
            case Ipv4Prefix p -> Family.IPV4_UNICAST;
            case Ipv6Prefix p -> Family.IPV6_UNICAST;
        };
    }

    private static boolean reflecting(PeerInfo from, ExportProfile to) {
        return !from.isLocal() && from.internal() && to.internal();
    }

    /**
     * RFC 4271 §5.1.3: towards eBGP the next hop is our own address; towards iBGP it is passed
     * unchanged unless next-hop-self is configured. A reflected route keeps its next hop
     * whatever the setting (RFC 4456 §10: the reflector does not change path attributes).
     * Our own routes carry no next hop and always get our address.
     */
    private static boolean nextHopIsSelf(Route best, ExportProfile to) {
        return best.peer().isLocal() || !to.internal() || to.nextHopSelf() && !reflecting(best.peer(), to);
    }

    /**
     * Our address of the prefix's family, or the route's own next hop; null when the peer could not use it.
     * An IPv6 session carries IPv4 routes only with an IPv4 address of ours (or RFC 8950 for a learned IPv6
     * next hop), and an IPv4 session IPv6 routes only with an IPv6 one: the other family's address comes
     * from {@link SelfNextHops}, never from the session's own address.
     */
    private static IpAddress nextHop(Prefix prefix, Route best, ExportProfile to, boolean self) {
        IpAddress hop = self ? selfAddress(prefix, to.self()) : best.nextHop();
        if (hop == null) {
            return null;
        }
        boolean fits = switch (prefix) {
            // RFC 8950: an IPv6 next hop for IPv4 only when the session negotiated it.
            case Ipv4Prefix p -> hop instanceof Ipv4Address
                    || hop instanceof Ipv6Address && to.caps().extendedNextHop().contains(Family.IPV4_UNICAST);
            case Ipv6Prefix p -> hop instanceof Ipv6Address;
        };
        return fits ? hop : null;
    }

    /**
     * Our address on the session for the prefix's family. A session with no IPv4 address of ours (an unnumbered
     * link, or IPv6 peering) offers an IPv6 one for IPv4 routes, its global or else its link-local (the only
     * address of an unnumbered link); it is used when RFC 8950 was negotiated. IPv6 routes need our global one.
     */
    private static IpAddress selfAddress(Prefix prefix, SelfNextHops self) {
        if (prefix instanceof Ipv6Prefix) {
            return self.ipv6();
        }
        if (self.ipv4() != null) {
            return self.ipv4();
        }
        return self.ipv6() != null ? self.ipv6() : self.ipv6LinkLocal();
    }

    static PathAttributes rewrite(PeerInfo from, PathAttributes in, ExportProfile to, NodeSettings node) {
        return to.internal() ? towardsIbgp(from, in, node) : towardsEbgp(from, in, node);
    }

    private static PathAttributes base(PathAttributes in) {
        PathAttributes out = in.withoutNlri().without(AttributeType.NEXT_HOP.code());
        // A route of our own may be configured without ORIGIN; the attribute is mandatory (§5.1.1).
        return out.origin() == null ? out.with(Origin.IGP) : out;
    }

    private static PathAttributes towardsIbgp(PeerInfo from, PathAttributes in, NodeSettings node) {
        PathAttributes out = base(in);
        if (out.asPath() == null) {
            // RFC 4271 §5.1.2 a: our own route goes to iBGP with an empty AS_PATH.
            out = out.with(AsPath.EMPTY);
        }
        if (out.localPref() == null) {
            // RFC 4271 §5.1.5: LOCAL_PREF is included in every UPDATE to an internal peer.
            out = out.with(new LocalPref(DEFAULT_LOCAL_PREF));
        }
        if (!from.isLocal() && from.internal()) {
            // RFC 4456 §8: ORIGINATOR_ID names the route's originator inside the AS, set once by
            // the first reflector; our CLUSTER_ID goes in front of CLUSTER_LIST.
            if (out.originatorId() == null) {
                out = out.with(new OriginatorId(from.routerId()));
            }
            ClusterList list = out.clusterList();
            out = out.with(list == null ? new ClusterList(new int[] {node.clusterId().bits()})
                    : list.prepend(node.clusterId()));
        }
        return out;
    }

    private static PathAttributes towardsEbgp(PeerInfo from, PathAttributes in, NodeSettings node) {
        // RFC 4271 §5.1.5: LOCAL_PREF never goes to an external peer. RFC 4456 §8: ORIGINATOR_ID
        // and CLUSTER_LIST are optional non-transitive and belong inside the AS.
        PathAttributes out = base(in).without(AttributeType.LOCAL_PREF.code())
                .without(AttributeType.ORIGINATOR_ID.code()).without(AttributeType.CLUSTER_LIST.code());
        if (!from.isLocal()) {
            // RFC 4271 §5.1.4: a MED learned from one AS is not passed on to another. Our own
            // routes keep a MED the operator configured; export policy may set one afterwards.
            out = out.without(AttributeType.MULTI_EXIT_DISC.code());
        }
        AsPath path = out.asPath();
        // RFC 4271 §5.1.2 b: our AS goes in front of the path (a new AS_SEQUENCE if needed).
        return out.with(path == null ? AsPath.ofSequence(node.localAs()) : path.prepend(node.localAs()));
    }
}
