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
    // A million routes through a few next hops share a few NextHop values (RIB thread only).
    private static final int MAX_SHARED = 4096;
    private final Map<List<IpAddress>, NextHop> nextHops = new HashMap<>();

    public FibBridge(FibWriter writer) {
        this.writer = writer;
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
        return nextHops.computeIfAbsent(hops, FibBridge::nextHop);
    }

    static NextHop nextHop(List<IpAddress> hops) {
        if (hops.size() == 1) {
            return new NextHop.Gateway(hops.getFirst());
        }
        List<NextHop.Gateway> paths = new ArrayList<>(hops.size());
        for (IpAddress h : hops) {
            paths.add(new NextHop.Gateway(h));
        }
        return new NextHop.Multipath(paths);
    }
}
