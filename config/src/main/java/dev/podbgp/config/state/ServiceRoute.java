package dev.podbgp.config.state;

import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.inet.Prefix;
import java.util.List;
import java.util.Optional;

/**
 * A Service address this node announces as a local route (docs/services.md): to its peers, never into its own FIB,
 * since kube-proxy (or its replacement) already delivers the address on the node.
 *
 * @param prefix           a host route (/32, /128), or a service CIDR announced as one aggregate
 * @param services         why: the Services ({@code namespace/name}) that own the address, sorted; several Services
 *                         may share one load-balancer IP
 * @param kind             which of the Services' addresses this is
 * @param communities      added to the route (RFC 1997), sorted, each once
 * @param largeCommunities added to the route (RFC 8092), sorted, each once
 * @param localPreference  LOCAL_PREF for iBGP peers (RFC 4271 §5.1.5); empty: the default
 */
public record ServiceRoute(Prefix prefix, List<String> services, Kind kind, List<StandardCommunity> communities,
                           List<LargeCommunitySpec> largeCommunities, Optional<Long> localPreference) {

    /** Where in a Service the address was found. */
    public enum Kind {
        /** {@code status.loadBalancer.ingress[].ip}, set by a load-balancer allocator or by hand. */
        INGRESS("ingress"),
        /** {@code spec.externalIPs}. */
        EXTERNAL_IP("externalIP"),
        /** {@code spec.clusterIPs}. */
        CLUSTER_IP("clusterIP"),
        /** A configured service CIDR, the aggregate of every ClusterIP. */
        SERVICE_CIDR("serviceCidr"),
        /** The config file's {@code services} (static mode). */
        CONFIGURED("configured");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** As logs, {@code show} and docs/services.md name it. */
        public String label() {
            return label;
        }
    }

    public ServiceRoute {
        services = services.stream().sorted().distinct().toList();
        communities = communities.stream().distinct()
                .sorted((a, b) -> a.high() != b.high() ? Integer.compare(a.high(), b.high()) : Integer.compare(a.low(), b.low()))
                .toList();
        largeCommunities = largeCommunities.stream().distinct().sorted((a, b) -> a.global() != b.global()
                ? Long.compare(a.global(), b.global()) : a.local1() != b.local1() ? Long.compare(a.local1(), b.local1())
                : Long.compare(a.local2(), b.local2())).toList();
        if (localPreference.isPresent() && (localPreference.get() < 0 || localPreference.get() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("service route " + prefix + ": local preference " + localPreference.get()
                    + " is outside 0..4294967295");
        }
    }

    /** The same address also claimed by {@code other}: both owners, every attribute of either, the higher preference. */
    public ServiceRoute mergedWith(ServiceRoute other) {
        if (!prefix.equals(other.prefix)) {
            throw new IllegalArgumentException(prefix + " and " + other.prefix + " are different routes");
        }
        List<String> owners = new java.util.ArrayList<>(services);
        owners.addAll(other.services);
        List<StandardCommunity> cs = new java.util.ArrayList<>(communities);
        cs.addAll(other.communities);
        List<LargeCommunitySpec> lcs = new java.util.ArrayList<>(largeCommunities);
        lcs.addAll(other.largeCommunities);
        Optional<Long> pref = localPreference.isEmpty() ? other.localPreference
                : other.localPreference.isEmpty() ? localPreference
                : Optional.of(Math.max(localPreference.get(), other.localPreference.get()));
        Kind k = kind.compareTo(other.kind) <= 0 ? kind : other.kind;
        return new ServiceRoute(prefix, owners, k, cs, lcs, pref);
    }
}
