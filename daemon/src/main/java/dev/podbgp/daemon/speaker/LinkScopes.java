package dev.podbgp.daemon.speaker;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interface each unnumbered peer's link-local address was heard on. A link-local address means
 * nothing without its link (RFC 4291 §2.5.6), so the connection to {@code fe80::x} names the interface
 * index as its scope. (Routes through the peer find the interface from the session itself:
 * {@link SessionInterfaces}.) Written by {@code InterfacePeering} on neighbour discovery's threads, read
 * by the config thread when it adds the peer.
 */
public final class LinkScopes {

    private final Map<Ipv6Address, Integer> byAddress = new ConcurrentHashMap<>();

    public void put(Ipv6Address linkLocal, int ifindex) {
        byAddress.put(linkLocal, ifindex);
    }

    public void remove(Ipv6Address linkLocal) {
        byAddress.remove(linkLocal);
    }

    /** The interface index of a link-local {@code address} we heard, else 0 (an unscoped address). */
    public int ifindex(IpAddress address) {
        if (address instanceof Ipv6Address v6 && v6.isLinkLocal()) {
            return byAddress.getOrDefault(v6, 0);
        }
        return 0;
    }
}
