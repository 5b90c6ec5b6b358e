package dev.podbgp.daemon.run;

import dev.podbgp.daemon.metrics.PodbgpMetrics;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.Prefix;
import dev.podbgp.log.EventLog;
import java.util.StringJoiner;

/**
 * The FIB's next-hop changes, counted and logged (issue 15: a route that moved to another next hop left no trace).
 * Each change is one line, up to {@link #LINES_PER_BATCH} per batch of the FIB writer; a peer failure that moves a
 * full table adds one line with how many were not written out, instead of a million. Runs on the fib-writer thread.
 */
final class NextHopChanges {

    static final int LINES_PER_BATCH = 20;
    private static final EventLog LOG = EventLog.named("podbgp.fib");

    private final PodbgpMetrics metrics;
    private int inBatch;

    NextHopChanges(PodbgpMetrics metrics) {
        this.metrics = metrics;
    }

    void changed(Prefix prefix, NextHop from, NextHop to) {
        metrics.fibNextHopChange(prefix.family() == AddressFamily.IPV4 ? "ipv4 unicast" : "ipv6 unicast");
        if (inBatch++ < LINES_PER_BATCH) {
            LOG.info("fib-nexthop-changed").with("prefix", prefix).with("from", text(from)).with("to", text(to)).log();
        }
    }

    /** The writer answered a batch: says how many changes of it had no line of their own. */
    void batchDone() {
        if (inBatch > LINES_PER_BATCH) {
            LOG.info("fib-nexthop-changes").with("routes", inBatch).with("not-logged", inBatch - LINES_PER_BATCH).log();
        }
        inBatch = 0;
    }

    /** iproute2's words: {@code via fe80::1 dev#3}, ECMP members joined by commas. */
    static String text(NextHop hop) {
        return switch (hop) {
            case NextHop.Gateway g -> "via " + g.address() + (g.ifindex() != 0 ? " dev#" + g.ifindex() : "")
                    + (g.onlink() ? " onlink" : "");
            case NextHop.Device d -> "dev#" + d.ifindex();
            case NextHop.Blackhole b -> "blackhole";
            case NextHop.Unreachable u -> "unreachable";
            case NextHop.Object o -> "nhid " + o.id();
            case NextHop.Multipath m -> {
                StringJoiner j = new StringJoiner(", ");
                m.paths().forEach(g -> j.add(text(g)));
                yield j.toString();
            }
        };
    }
}
