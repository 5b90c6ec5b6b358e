package dev.podbgp.k8s.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import java.util.List;

/** The spec of {@link BGPConfiguration}; every field optional, absent means the node's base settings. */
public class BGPConfigurationSpec {
    @JsonPropertyDescription("AS of every node without a podbgp.dev/asn annotation")
    @Min(1)
    @Max(4294967295.0)
    public Long asn;

    @JsonPropertyDescription("the automatic node-to-node peering (full mesh, or route reflectors when nodes are annotated); default true")
    public Boolean meshEnabled;

    @JsonPropertyDescription("all pod addresses of the cluster; mesh peers may announce only prefixes inside them")
    public List<@Pattern(Patterns.PREFIX) String> clusterPodCIDRs;

    @JsonPropertyDescription("standard communities (ASN:value) attached to this node's pod CIDRs")
    public List<@Pattern(Patterns.COMMUNITY) String> communities;

    public GracefulRestart gracefulRestart;

    @JsonPropertyDescription("which Kubernetes Service addresses the nodes announce (docs/services.md)")
    public ServiceAnnouncement services;

    public LoadBalancerAllocation loadBalancerAllocation;
}
