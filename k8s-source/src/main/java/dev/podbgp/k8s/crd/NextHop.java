package dev.podbgp.k8s.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** A BGPPeer's next hops per family, in place of the ones found on the session's interface; absent means found. */
public class NextHop {
    @JsonPropertyDescription("next hop of IPv4 routes we send with our own next hop")
    @Pattern(Patterns.ADDRESS)
    public String ipv4;

    @JsonPropertyDescription("global next hop of IPv6 routes we send with our own next hop; never link-local")
    @Pattern(Patterns.ADDRESS)
    public String ipv6;
}
