package dev.podbgp.k8s.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** Which Service addresses every node announces (docs/services.md); every field optional. */
public class ServiceAnnouncement {
    @JsonPropertyDescription("announce Service addresses at all; default true")
    public Boolean enabled;

    @JsonPropertyDescription("LoadBalancer Services with this spec.loadBalancerClass are announced; default podbgp.dev/bgp")
    public String loadBalancerClass;

    @JsonPropertyDescription("also announce Services without a loadBalancerClass (every Service not of type LoadBalancer has none); default false")
    public Boolean withoutClass;

    @JsonPropertyDescription("only Services whose labels match are announced; absent: no label condition")
    public LabelSelector selector;

    @JsonPropertyDescription("announce spec.externalIPs of the announced Services; default true")
    public Boolean externalIPs;

    @JsonPropertyDescription("announce spec.clusterIPs of the announced Services, following internalTrafficPolicy; default false")
    public Boolean clusterIPs;

    @JsonPropertyDescription("service CIDRs every node announces as one route each, instead of or beside single ClusterIPs")
    public List<@Pattern(Patterns.PREFIX) String> serviceCIDRs;

    @JsonPropertyDescription("standard communities (ASN:value) added to every Service route, beside the Service's own annotation")
    public List<@Pattern(Patterns.COMMUNITY) String> communities;

    @JsonPropertyDescription("large communities (global:local1:local2) added to every Service route")
    public List<@Pattern(Patterns.LARGE_COMMUNITY) String> largeCommunities;

    @JsonPropertyDescription("LOCAL_PREF of Service routes for iBGP peers, unless a Service's annotation sets one")
    @Min(0)
    @Max(4294967295.0)
    public Long localPreference;
}
