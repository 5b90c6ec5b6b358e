package dev.podbgp.fib.writer;

import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.fib.route.KernelRoute;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.Ipv4PrefixMap;
import java.io.IOException;
import java.util.List;

/**
 * Makes the kernel's routes of ours in one family equal to the desired state: writes what is
 * missing or different, deletes what nobody wants, or, at a graceful restart, keeps those as
 * stale. Runs on the fib-writer thread (or in {@link FibWriter#start()}), with the batch flushed.
 */
final class Reconciliation {

    private Reconciliation() {}

    /** Reconciles {@code routes} with {@code kernel}, a dump of our routes of its family. */
    static void reconcile(FamilyRoutes routes, List<KernelRoute> kernel, boolean keepStale) throws IOException {
        RouteKeys keys = routes.keys();
        Ipv4PrefixMap<Boolean> correct = new Ipv4PrefixMap<>(Math.min(routes.desiredCount(), kernel.size()) + 16);
        for (KernelRoute route : kernel) {
            long key = keys.keyOf(route.prefix());
            NextHop want = routes.desired(key);
            if (want == null) {
                if (keepStale) {
                    routes.keepStale(key);
                } else {
                    routes.delete(key);
                }
            } else if (matches(route, want, routes.written(key))) {
                correct.put(key, Boolean.TRUE);
            }
        }
        routes.forEachDesired((key, want) -> {
            if (correct.get(key) == null) {
                routes.write(key);
            }
        });
    }

    /** Whether the kernel's {@code route} is what we want, given what we {@code written} for it. */
    static boolean matches(KernelRoute route, NextHop want, NextHop written) {
        return switch (want) {
            case NextHop.Gateway g -> route.type() == Rtnetlink.RTN_UNICAST && g.address().equals(route.gateway())
                    && (g.ifindex() == 0 || g.ifindex() == route.oif()) && route.nexthopId() == 0;
            case NextHop.Device d -> route.type() == Rtnetlink.RTN_UNICAST && route.gateway() == null
                    && route.oif() == d.ifindex() && route.nexthopId() == 0;
            case NextHop.Blackhole b -> route.type() == Rtnetlink.RTN_BLACKHOLE;
            case NextHop.Unreachable u -> route.type() == Rtnetlink.RTN_UNREACHABLE;
            case NextHop.Object o -> route.nexthopId() == o.id();
            case NextHop.Multipath m -> written instanceof NextHop.Object o ? route.nexthopId() == o.id()
                    : route.multipath().equals(m.paths().stream().map(NextHop.Gateway::address).toList());
        };
    }
}
