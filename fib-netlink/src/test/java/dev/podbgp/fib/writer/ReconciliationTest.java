package dev.podbgp.fib.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.fib.route.EcmpNexthops;
import dev.podbgp.fib.route.KernelRoute;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.fib.route.RouteWriter;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan's two passes against dumps made up here, with a real writer in a throw-away namespace. */
class ReconciliationTest extends WriterInNamespace {

    private static final NextHop VIA = new NextHop.Gateway(Ipv6Address.parse("2001:db8::2"));
    private static final Ipv6Prefix WANTED = Ipv6Prefix.parse("2001:db8:1::/48");
    private static final Ipv6Prefix UNWANTED = Ipv6Prefix.parse("2001:db8:9::/48");

    private static KernelRoute ours(Ipv6Prefix prefix) {
        return new KernelRoute(prefix, TABLE, OWNER.protocol(), Rtnetlink.RTN_UNICAST, 20,
                Ipv6Address.parse("2001:db8::3"), 0, 0, List.of());
    }

    @Test
    void theSecondDumpNumbersNoPrefixNobodyWants() throws Exception {
        Ipv6RouteKeys keys = new Ipv6RouteKeys();
        try (RouteWriter writer = RouteWriter.openIn(ns.namespace(), OWNER, (tag, errno, reason) -> { })) {
            FamilyRoutes routes = new FamilyRoutes(keys, writer, new EcmpNexthops(writer, 1000, false), FibListener.NONE,
                    new RetrySchedule(Duration.ofMillis(50), Duration.ofMillis(400)), 16);
            routes.submit(WANTED, VIA);
            routes.take();
            routes.applyTaken(false);
            assertThat(keys.size()).isEqualTo(1);
            // The first dump misses the wanted route; by the second, another program's route of ours has appeared.
            List<List<KernelRoute>> dumps = new ArrayList<>(List.of(List.of(), List.of(ours(WANTED), ours(UNWANTED))));
            Reconciliation.reconcile(routes, visitor -> dumps.removeFirst().forEach(visitor), false);
            assertThat(dumps).as("both passes ran").isEmpty();
            // Numbered, the unwanted prefix would hold its number with no request to give it back.
            assertThat(keys.size()).isEqualTo(1);
        }
    }
}
