package dev.podbgp.config;

import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code services} (static mode): a service address the node announces as a local route, as the
 * Kubernetes source announces a Service's (docs/services.md).
 *
 * @param name            what the address is for, shown by {@code show config} and the logs; may be empty
 * @param localPreference LOCAL_PREF for iBGP peers; empty: the default
 */
public record ServiceSpec(Prefix prefix, String name, List<StandardCommunity> communities,
                          List<LargeCommunitySpec> largeCommunities, Optional<Long> localPreference) {
    public ServiceSpec {
        communities = List.copyOf(communities);
        largeCommunities = List.copyOf(largeCommunities);
    }
}
