package dev.podbgp.daemon.speaker;

import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.writer.FibWriter;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.rib.LocRibChange;
import dev.podbgp.rib.RibListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands Loc-RIB changes to the FIB writer (DESIGN data flow: RIB -> FIB writer). Runs on the
 * RIB thread; the writer coalesces per prefix on its own thread, so a prefix that flaps ten
 * times before a batch is written reaches the kernel once.
 *
 * <p>The node's own routes (its podCIDRs) are not installed: the bridge's connected route
 * delivers to the pods, and a route of ours would fight it.
 */
public final class FibBridge implements RibListener {

    private final FibWriter writer;
    private final LinkScopes scopes;
    // A million routes through a few next hops share a few NextHop values (RIB thread only).
    private static final int MAX_SHARED = 4096;
    private final Map<List<IpAddress>, NextHop> nextHops = new HashMap<>();

    public FibBridge(FibWriter writer) {
        this(writer, new LinkScopes());
    }

    /** @param scopes the interfaces of link-local next hops (unnumbered peers), which the kernel cannot find itself */
    public FibBridge(FibWriter writer, LinkScopes scopes) {
        this.writer = writer;
        this.scopes = scopes;
    }

    @Override
    public void onLocRibChange(LocRibChange change) {
        switch (change) {
            case LocRibChange.Selected s when s.best().peer().isLocal() -> writer.withdraw(s.prefix());
            case LocRibChange.Selected s -> writer.install(s.prefix(), shared(s.nextHops()));
            case LocRibChange.Withdrawn w -> writer.withdraw(w.prefix());
        }
    }

    private NextHop shared(List<IpAddress> hops) {
        if (nextHops.size() > MAX_SHARED) {
            // Next-hop sets that no route uses any more are not tracked; start afresh instead.
            nextHops.clear();
        }
        return nextHops.computeIfAbsent(hops, h -> nextHop(h, scopes));
    }

    static NextHop nextHop(List<IpAddress> hops) {
        return nextHop(hops, new LinkScopes());
    }

    /**
     * A link-local gateway goes with its interface (an IPv4 route through one is written with RTA_VIA, RFC 8950
     * style); any other gateway lets the kernel find the interface.
     */
    static NextHop nextHop(List<IpAddress> hops, LinkScopes scopes) {
        if (hops.size() == 1) {
            return gateway(hops.getFirst(), scopes);
        }
        List<NextHop.Gateway> paths = new ArrayList<>(hops.size());
        for (IpAddress h : hops) {
            paths.add(gateway(h, scopes));
        }
        return new NextHop.Multipath(paths);
    }

    private static NextHop.Gateway gateway(IpAddress hop, LinkScopes scopes) {
        return new NextHop.Gateway(hop, scopes.ifindex(hop), false);
    }
}
