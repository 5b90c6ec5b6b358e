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
    // Counted here and added once per batch: a full table moving costs no metric update per route.
    private int ipv4InBatch;
    private int ipv6InBatch;

    NextHopChanges(PodbgpMetrics metrics) {
        this.metrics = metrics;
    }

    void changed(Prefix prefix, NextHop from, NextHop to) {
        if (prefix.family() == AddressFamily.IPV4) {
            ipv4InBatch++;
        } else {
            ipv6InBatch++;
        }
        if (ipv4InBatch + ipv6InBatch <= LINES_PER_BATCH) {
            LOG.info("fib-nexthop-changed").with("prefix", prefix).with("from", text(from)).with("to", text(to)).log();
        }
    }

    /** The writer answered a batch: counts its changes and says how many of them had no line of their own. */
    void batchDone() {
        metrics.fibNextHopChanges("ipv4 unicast", ipv4InBatch);
        metrics.fibNextHopChanges("ipv6 unicast", ipv6InBatch);
        int changes = ipv4InBatch + ipv6InBatch;
        if (changes > LINES_PER_BATCH) {
            LOG.info("fib-nexthop-changes").with("routes", changes).with("not-logged", changes - LINES_PER_BATCH).log();
        }
        ipv4InBatch = 0;
        ipv6InBatch = 0;
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
