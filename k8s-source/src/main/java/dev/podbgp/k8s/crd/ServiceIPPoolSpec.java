package dev.podbgp.k8s.crd;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** The spec of {@link ServiceIPPool}. */
public class ServiceIPPoolSpec {
    @JsonPropertyDescription("IPv4 and IPv6 prefixes whose every address may be handed out, e.g. 192.0.2.0/28")
    public List<@Pattern(Patterns.PREFIX) String> cidrs;

    @JsonPropertyDescription("address ranges, first-last inclusive, e.g. 192.0.2.10-192.0.2.20")
    public List<@Pattern(Patterns.RANGE) String> ranges;

    @JsonPropertyDescription("never hand out IPv4 addresses ending in .0 or .255; default false")
    @JsonProperty("avoidBuggyIPs")
    public Boolean avoidBuggyIPs;

    @JsonPropertyDescription("Services (by their labels) that may take addresses from this pool; absent selects every Service")
    public LabelSelector serviceSelector;

    @JsonPropertyDescription("namespaces (by their labels) whose Services may take addresses from this pool; absent selects every namespace")
    public LabelSelector namespaceSelector;
}
