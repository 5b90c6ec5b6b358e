package dev.podbgp.config;

import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A rule's conditions; all given ones must hold, and no condition at all matches every route.
 *
 * @param prefixes      the route's prefix is in one of these ranges
 * @param neighbor      the session's peer address is inside one of these prefixes (a /32 or /128 for one peer)
 */
public record MatchSpec(List<PrefixRangeSpec> prefixes, List<StandardCommunity> communityAnyOf,
                        List<StandardCommunity> communityAllOf, List<LargeCommunitySpec> largeCommunityAnyOf,
                        List<LargeCommunitySpec> largeCommunityAllOf, Optional<AsPathLengthSpec> asPathLength,
                        OptionalLong asPathContains, OptionalLong originAs, List<Prefix> neighbor,
                        OptionalLong neighborAs) {
    public static final MatchSpec ANY = new MatchSpec(List.of(), List.of(), List.of(), List.of(), List.of(),
            Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), List.of(), OptionalLong.empty());

    public MatchSpec {
        prefixes = List.copyOf(prefixes);
        communityAnyOf = List.copyOf(communityAnyOf);
        communityAllOf = List.copyOf(communityAllOf);
        largeCommunityAnyOf = List.copyOf(largeCommunityAnyOf);
        largeCommunityAllOf = List.copyOf(largeCommunityAllOf);
        neighbor = List.copyOf(neighbor);
    }
}
