package dev.podbgp.k8s.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** BFD for a BGPPeer (RFC 5880); absent means none. Present, it is on unless {@code enabled: false}. */
public class Bfd {
    public Boolean enabled;

    @JsonPropertyDescription("desired minimum transmit interval in milliseconds, default 300")
    @Min(10)
    @Max(60000)
    public Integer minTxMillis;

    @JsonPropertyDescription("required minimum receive interval in milliseconds, default 300")
    @Min(10)
    @Max(60000)
    public Integer minRxMillis;

    @JsonPropertyDescription("packets missed before the path is declared down, default 3")
    @Min(2)
    @Max(255)
    public Integer multiplier;

    @JsonPropertyDescription("RFC 5883 multihop BFD for a peer that is not on a link of the node")
    public Boolean multihop;
}
