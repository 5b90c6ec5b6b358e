package dev.podbgp.daemon.speaker;

import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.writer.FibWriter;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.RibListener;
import dev.podbgp.rib.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands Loc-RIB changes to the FIB writer (DESIGN data flow: RIB -> FIB writer). Runs on the
 * RIB thread; the writer coalesces per prefix on its own thread, so a prefix that flaps ten
 * times before a batch is written reaches the kernel once. Every change of the way a prefix
 * leaves (gateway, interface, ECMP set) becomes a new next hop here, which the writer installs
 * as one replace.
 *
 * <p>A route with a link-local next hop (RFC 2545 §3, or a link-local address as its only next
 * hop) from a directly connected peer is installed through that link-local address on the
 * session's interface, as FRR installs it and as such a peer expects; without a known interface
 * the global next hop is used, which the kernel resolves itself.
 *
 * <p>The node's own routes (its podCIDRs) are not installed: the bridge's connected route
 * delivers to the pods, and a route of ours would fight it.
 */
public final class FibBridge implements RibListener {

    private static final Comparator<NextHop.Gateway> GATEWAY_ORDER =
            Comparator.comparing(NextHop.Gateway::address).thenComparingInt(NextHop.Gateway::ifindex);
    // A million routes through a few next hops share a few NextHop values (RIB thread only).
    private static final int MAX_SHARED = 4096;

    private final FibWriter writer;
    private final PeerInterfaces interfaces;
    private final Map<NextHop, NextHop> nextHops = new HashMap<>();

    public FibBridge(FibWriter writer) {
        this(writer, PeerInterfaces.NONE);
    }

    public FibBridge(FibWriter writer, PeerInterfaces interfaces) {
        this.writer = writer;
        this.interfaces = interfaces;
    }

    @Override
    public void onLocRibChange(LocRibChange change) {
        switch (change) {
            case LocRibChange.Selected s when s.best().peer().isLocal() -> writer.withdraw(s.prefix());
            case LocRibChange.Selected s -> writer.install(s.prefix(), nextHop(s.decision().multipath()));
            case LocRibChange.Withdrawn w -> writer.withdraw(w.prefix());
        }
    }

    /** What the kernel should forward through for these equal-cost routes, shared with other prefixes. */
    NextHop nextHop(List<Route> multipath) {
        if (multipath.size() == 1) {
            return shared(gateway(multipath.getFirst()));
        }
        List<NextHop.Gateway> paths = new ArrayList<>(multipath.size());
        for (Route r : multipath) {
            NextHop.Gateway g = gateway(r);
            if (!paths.contains(g)) {
                paths.add(g);
            }
        }
        if (paths.size() == 1) {
            return shared(paths.getFirst());
        }
        // One order for one set, so an equal set is an equal next hop (no rewrite, one nexthop group).
        paths.sort(GATEWAY_ORDER);
        return shared(new NextHop.Multipath(paths));
    }

    /** The gateway of one route: its link-local next hop on the session's interface where it has both. */
    NextHop.Gateway gateway(Route r) {
        IpAddress global = r.nextHop();
        Ipv6Address linkLocal = r.linkLocalNextHop() != null ? r.linkLocalNextHop()
                : global instanceof Ipv6Address a && a.isLinkLocal() ? a : null;
        if (linkLocal != null) {
            int ifindex = interfaces.interfaceOf(r.peer());
            if (ifindex > 0) {
                return new NextHop.Gateway(linkLocal, ifindex, false);
            }
        }
        // A link-local address alone without its interface is refused by the kernel: a per-route failure, logged.
        return new NextHop.Gateway(global);
    }

    /** The instance already handed out for a next hop equal to {@code hop}, or {@code hop} itself from now on. */
    private NextHop shared(NextHop hop) {
        NextHop known = nextHops.get(hop);
        if (known != null) {
            return known;
        }
        if (nextHops.size() >= MAX_SHARED) {
            // Next hops that no route uses any more are not tracked; start afresh instead.
            nextHops.clear();
        }
        nextHops.put(hop, hop);
        return hop;
    }
}
