package dev.podbgp.bgp.exabgp;

import dev.podbgp.inet.IpAddress;
import java.util.Objects;

/** The {@code "neighbor"} block's identity: both ends' addresses and AS numbers. */
public record ExabgpNeighbor(IpAddress localAddress, IpAddress peerAddress, long localAs, long peerAs) {
    public ExabgpNeighbor {
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(peerAddress, "peerAddress");
    }
}
