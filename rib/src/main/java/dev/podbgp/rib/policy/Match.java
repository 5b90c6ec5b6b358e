package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.Prefix;
import java.util.List;

/** A rule's condition on a route and the session it is evaluated for. */
public sealed interface Match {

    /** Every route. */
    record Any() implements Match {
    }

    /** All of these conditions (an empty list matches everything). */
    record AllOf(List<Match> conditions) implements Match {
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one of these conditions (an empty list matches nothing). */
    record AnyOf(List<Match> conditions) implements Match {
        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** The prefix matches one entry of a prefix list. */
    record PrefixIn(List<PrefixRange> ranges) implements Match {
        public PrefixIn {
            ranges = List.copyOf(ranges);
        }
    }

    /** The route carries at least one of these communities. */
    record CommunityAnyOf(List<Community> communities) implements Match {
        public CommunityAnyOf {
            communities = List.copyOf(communities);
        }
    }

    /** The route carries every one of these communities. */
    record CommunityAllOf(List<Community> communities) implements Match {
        public CommunityAllOf {
            communities = List.copyOf(communities);
        }
    }

    /** The route carries at least one of these large communities. */
    record LargeCommunityAnyOf(List<LargeCommunity> communities) implements Match {
        public LargeCommunityAnyOf {
            communities = List.copyOf(communities);
        }
    }

    /** The route carries every one of these large communities. */
    record LargeCommunityAllOf(List<LargeCommunity> communities) implements Match {
        public LargeCommunityAllOf {
            communities = List.copyOf(communities);
        }
    }

    /**
     * AS_PATH length compared with {@code length}, counted as best-path selection counts it
     * (RFC 4271 §9.1.2.2 a: an AS_SET is one, confederation segments nothing); a route without
     * AS_PATH has length 0.
     */
    record AsPathLength(Comparison comparison, int length) implements Match {
    }

    /** The AS number appears anywhere in the AS_PATH, sets included. */
    record AsPathContains(long asn) implements Match {
        public AsPathContains {
            U32.check(asn, "AS");
        }
    }

    /**
     * The originating AS (last AS of a trailing AS_SEQUENCE) is {@code asn}. A path ending in an
     * AS_SET has no single origin and never matches, as with FRR's {@code _X$} on aggregates.
     */
    record OriginAs(long asn) implements Match {
        public OriginAs {
            U32.check(asn, "AS");
        }
    }

    /** The session's peer address lies in {@code peers} (a /32 or /128 for one neighbour). */
    record NeighborAddress(Prefix peers) implements Match {
    }

    /** The session's peer AS is {@code asn}. */
    record NeighborAs(long asn) implements Match {
        public NeighborAs {
            U32.check(asn, "AS");
        }
    }

    default boolean matches(Prefix prefix, PathAttributes attributes, PolicyContext context) {
        return switch (this) {
            case Any a -> true;
            case AllOf all -> all.conditions().stream().allMatch(m -> m.matches(prefix, attributes, context));
            case AnyOf any -> any.conditions().stream().anyMatch(m -> m.matches(prefix, attributes, context));
            case PrefixIn in -> in.ranges().stream().anyMatch(r -> r.matches(prefix));
            case CommunityAnyOf c -> c.communities().stream().anyMatch(x -> x.in(attributes.communities()));
            case CommunityAllOf c -> c.communities().stream().allMatch(x -> x.in(attributes.communities()));
            case LargeCommunityAnyOf c -> c.communities().stream().anyMatch(x -> x.in(attributes.largeCommunities()));
            case LargeCommunityAllOf c -> c.communities().stream().allMatch(x -> x.in(attributes.largeCommunities()));
            case AsPathLength l -> l.comparison().test(path(attributes).length(), l.length());
            case AsPathContains c -> path(attributes).contains(c.asn());
            case OriginAs o -> path(attributes).originAs() == o.asn();
            case NeighborAddress n -> n.peers().contains(context.peerAddress());
            case NeighborAs n -> context.peerAs() == n.asn();
        };
    }

    private static AsPath path(PathAttributes attributes) {
        AsPath p = attributes.asPath();
        return p != null ? p : AsPath.EMPTY;
    }
}
