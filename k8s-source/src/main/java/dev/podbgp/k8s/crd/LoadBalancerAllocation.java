package dev.podbgp.k8s.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** Allocation of LoadBalancer Service addresses from ServiceIPPools (docs/load-balancer-ips.md). */
public class LoadBalancerAllocation {
    @JsonPropertyDescription("hand out addresses from ServiceIPPools; default true (nothing happens without a pool)")
    public Boolean enabled;

    @JsonPropertyDescription("the spec.loadBalancerClass of the Services podbgp serves; default podbgp.dev/bgp")
    @Pattern(Patterns.CLASS_NAME)
    public String loadBalancerClass;

    @JsonPropertyDescription("also serve LoadBalancer Services without a spec.loadBalancerClass; default false")
    public Boolean allocateWithoutClass;
}
