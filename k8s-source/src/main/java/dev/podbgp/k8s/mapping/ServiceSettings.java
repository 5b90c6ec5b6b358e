package dev.podbgp.k8s.mapping;

import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.inet.Prefix;
import dev.podbgp.k8s.crd.ServiceAnnouncement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The BGPConfiguration's {@code spec.services}, resolved: which Services are announced and what every Service
 * route carries (docs/services.md). Bad values are reported and replaced by their default.
 *
 * @param loadBalancerClass LoadBalancer Services of this class are announced
 * @param withoutClass      Services without a class are announced too
 * @param selector          a label condition every announced Service meets; empty: none
 * @param externalIps       announce {@code spec.externalIPs}
 * @param clusterIps        announce {@code spec.clusterIPs}
 * @param serviceCidrs      announced by every node as they are
 */
public record ServiceSettings(boolean enabled, String loadBalancerClass, boolean withoutClass,
                              Optional<LabelMatcher> selector, boolean externalIps, boolean clusterIps,
                              List<Prefix> serviceCidrs, List<StandardCommunity> communities,
                              List<LargeCommunitySpec> largeCommunities, Optional<Long> localPreference) {
    /** The class podbgp's own allocator (and users) put on Services meant for BGP. */
    public static final String DEFAULT_CLASS = "podbgp.dev/bgp";

    public static final ServiceSettings DEFAULTS = new ServiceSettings(true, DEFAULT_CLASS, false, Optional.empty(), true,
            false, List.of(), List.of(), List.of(), Optional.empty());

    public ServiceSettings {
        serviceCidrs = List.copyOf(serviceCidrs);
        communities = List.copyOf(communities);
        largeCommunities = List.copyOf(largeCommunities);
    }

    static ServiceSettings from(ServiceAnnouncement s, Fields f) {
        if (s == null) {
            return DEFAULTS;
        }
        String field = "spec.services.";
        List<Prefix> cidrs = new ArrayList<>();
        if (s.serviceCIDRs != null) {
            for (int i = 0; i < s.serviceCIDRs.size(); i++) {
                f.prefix(field + "serviceCIDRs[" + i + "]", s.serviceCIDRs.get(i)).ifPresent(cidrs::add);
            }
        }
        List<StandardCommunity> cs = new ArrayList<>();
        if (s.communities != null) {
            for (int i = 0; i < s.communities.size(); i++) {
                AttributeText.community(f, field + "communities[" + i + "]", s.communities.get(i)).ifPresent(cs::add);
            }
        }
        List<LargeCommunitySpec> lcs = new ArrayList<>();
        if (s.largeCommunities != null) {
            for (int i = 0; i < s.largeCommunities.size(); i++) {
                AttributeText.largeCommunity(f, field + "largeCommunities[" + i + "]", s.largeCommunities.get(i))
                        .ifPresent(lcs::add);
            }
        }
        Optional<Long> pref = Optional.empty();
        if (s.localPreference != null) {
            pref = AttributeText.localPreference(f, field + "localPreference", Long.toString(s.localPreference));
        }
        String cls = s.loadBalancerClass == null || s.loadBalancerClass.isBlank() ? DEFAULT_CLASS : s.loadBalancerClass;
        Optional<LabelMatcher> selector = Optional.empty();
        if (s.selector != null) {
            LabelMatcher.Read read = LabelMatcher.read(s.selector);
            read.problem().ifPresent(why -> f.problem(field + "selector", why + "; no Service is announced until it is fixed"));
            selector = Optional.of(read.matcher());
        }
        return new ServiceSettings(s.enabled == null || s.enabled, cls, s.withoutClass != null && s.withoutClass,
                selector, s.externalIPs == null || s.externalIPs, s.clusterIPs != null && s.clusterIPs, cidrs, cs, lcs, pref);
    }
}
