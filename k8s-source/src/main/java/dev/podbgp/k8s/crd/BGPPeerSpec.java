package dev.podbgp.k8s.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/** The spec of {@link BGPPeer}. */
public class BGPPeerSpec {
    @JsonPropertyDescription("node labels that must all match; empty or absent selects every node")
    public Map<String, String> nodeSelector;

    @Required
    @Pattern(Patterns.ADDRESS)
    public String peerAddress;

    @Required
    @Min(1)
    @Max(4294967295.0)
    public Long peerASN;

    @JsonPropertyDescription("TCP MD5 key (RFC 2385) from a Secret in podbgp's own namespace")
    public SecretKeyRef passwordSecretRef;

    @JsonPropertyDescription("0 or 3..65535 (RFC 4271 §4.2); default 90")
    @Min(0)
    @Max(65535)
    public Integer holdTimeSeconds;

    @JsonPropertyDescription("default a third of the hold time")
    @Min(0)
    @Max(21845)
    public Integer keepaliveSeconds;

    @Min(1)
    @Max(65535)
    public Integer connectRetrySeconds;

    @JsonPropertyDescription("RFC 5082 GTSM: accept only packets at most this many hops away; excludes ebgpMultihop")
    @Min(1)
    @Max(254)
    public Integer gtsmHops;

    @JsonPropertyDescription("TTL of outgoing packets for a peer several hops away")
    @Min(1)
    @Max(255)
    public Integer ebgpMultihop;

    @JsonPropertyDescription("'ipv4 unicast' and/or 'ipv6 unicast'; default the peer address's family")
    public List<@Pattern(Patterns.FAMILY) String> families;

    @Pattern(Patterns.NAME)
    public String importPolicy;

    @Pattern(Patterns.NAME)
    public String exportPolicy;

    public MaxPrefix maxPrefix;

    @JsonPropertyDescription("this node reflects routes to the peer (RFC 4456)")
    public Boolean routeReflectorClient;

    public Boolean nextHopSelf;

    @JsonPropertyDescription("our next hop per family instead of the addresses found on the session's interface")
    public NextHop nextHop;

    @JsonPropertyDescription("accept connections only, never connect")
    public Boolean passive;

    @JsonPropertyDescription("BFD beside the session: when it goes down the session and its routes go at once")
    public Bfd bfd;
}
