package dev.podbgp.fib.route;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.List;

/**
 * A route as a dump reported it. {@code gateway} is null without RTA_GATEWAY/RTA_VIA,
 * {@code nexthopId} 0 without RTA_NH_ID, {@code multipath} empty without RTA_MULTIPATH.
 */
public record KernelRoute(Prefix prefix, int table, int protocol, int type, int priority, IpAddress gateway,
        int oif, int nexthopId, List<IpAddress> multipath) {}
