package dev.podbgp.k8s.ipam;

import dev.podbgp.k8s.crd.BGPConfiguration;
import dev.podbgp.k8s.crd.LoadBalancerAllocation;
import dev.podbgp.k8s.mapping.ServiceSettings;
import java.util.Optional;

/**
 * {@code spec.loadBalancerAllocation} of the BGPConfiguration named {@code default}, with defaults.
 *
 * @param allocateWithoutClass also serve Services with no spec.loadBalancerClass (podbgp as the cluster's default allocator)
 */
public record AllocationSettings(boolean enabled, String loadBalancerClass, boolean allocateWithoutClass) {
    /** The same class the announcement side selects by default: what podbgp hands out, it announces. */
    public static final String DEFAULT_CLASS = ServiceSettings.DEFAULT_CLASS;
    public static final AllocationSettings DEFAULTS = new AllocationSettings(true, DEFAULT_CLASS, false);

    public static AllocationSettings from(Optional<BGPConfiguration> configuration) {
        LoadBalancerAllocation a = configuration.map(c -> c.getSpec() == null ? null : c.getSpec().loadBalancerAllocation)
                .orElse(null);
        if (a == null) {
            return DEFAULTS;
        }
        return new AllocationSettings(a.enabled == null || a.enabled,
                a.loadBalancerClass == null || a.loadBalancerClass.isBlank() ? DEFAULT_CLASS : a.loadBalancerClass.trim(),
                Boolean.TRUE.equals(a.allocateWithoutClass));
    }

    /** True when podbgp is the allocator for a Service of {@code type} and {@code serviceClass} (null when unset). */
    public boolean serves(String type, String serviceClass) {
        return "LoadBalancer".equals(type)
                && (serviceClass == null ? allocateWithoutClass : serviceClass.equals(loadBalancerClass));
    }
}
