package dev.podbgp.fib.route;

import dev.podbgp.inet.IpAddress;
import java.util.List;

/**
 * Where a route sends packets. Values are meant to be shared: a million routes through the same
 * gateway hold one {@code NextHop}, so writing them allocates nothing per route.
 */
public sealed interface NextHop {

    NextHop BLACKHOLE = new Blackhole();
    NextHop UNREACHABLE = new Unreachable();

    /**
     * Via a gateway. {@code ifindex} 0 lets the kernel find the interface (not allowed for
     * nexthop objects, which need one); {@code onlink} skips the check that the gateway is on a
     * connected subnet. An IPv6 gateway for an IPv4 route is written as RTA_VIA (RFC 5549 style).
     */
    record Gateway(IpAddress address, int ifindex, boolean onlink) implements NextHop {
        public Gateway(IpAddress address) {
            this(address, 0, false);
        }
    }

    /** Directly out of an interface (scope link), no gateway. */
    record Device(int ifindex) implements NextHop {}

    /** Packets are dropped silently. */
    record Blackhole() implements NextHop {}

    /** Packets are dropped with ICMP unreachable. */
    record Unreachable() implements NextHop {}

    /** A nexthop object or group already in the kernel (RTA_NH_ID). */
    record Object(int id) implements NextHop {}

    /** Equal-cost paths; written as a nexthop group where available, else as RTA_MULTIPATH. */
    record Multipath(List<Gateway> paths) implements NextHop {
        public Multipath {
            paths = List.copyOf(paths);
            if (paths.size() < 2) {
                throw new IllegalArgumentException("a multipath next hop needs at least two paths, got " + paths.size());
            }
        }
    }
}
