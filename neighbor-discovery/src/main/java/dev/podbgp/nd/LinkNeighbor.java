package dev.podbgp.nd;

import dev.podbgp.inet.Ipv6Address;

/**
 * A neighbour heard on a link: its link-local address, on the interface with that index in our
 * namespace, and what it sent.
 */
public record LinkNeighbor(String interfaceName, int ifindex, Ipv6Address address, HeardFrom heardFrom) {

    public LinkNeighbor {
        if (!address.isLinkLocal()) {
            throw new IllegalArgumentException(address + " is not a link-local address");
        }
    }

    /** The kind of message that revealed the neighbour. */
    public enum HeardFrom {
        ROUTER_ADVERTISEMENT,
        NEIGHBOR_ADVERTISEMENT
    }
}
