package dev.podbgp.daemon.speaker;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interface each known link-local neighbour is on, by its address. A link-local address means
 * nothing without its link (RFC 4291 §2.5.6), so connecting to an unnumbered peer and installing a
 * route through one both need the interface index. Written by neighbour discovery's owner (the
 * config thread), read by the config thread (connect) and the RIB thread (FIB writes).
 */
public final class LinkScopes {

    private final Map<Ipv6Address, Integer> byAddress = new ConcurrentHashMap<>();

    public void put(Ipv6Address linkLocal, int ifindex) {
        byAddress.put(linkLocal, ifindex);
    }

    public void remove(Ipv6Address linkLocal) {
        byAddress.remove(linkLocal);
    }

    /** The interface index of a link-local {@code address} we know, else 0 (for the kernel: "find it yourself"). */
    public int ifindex(IpAddress address) {
        if (address instanceof Ipv6Address v6 && v6.isLinkLocal()) {
            return byAddress.getOrDefault(v6, 0);
        }
        return 0;
    }
}
