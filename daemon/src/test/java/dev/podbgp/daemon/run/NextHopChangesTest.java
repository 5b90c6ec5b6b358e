package dev.podbgp.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.daemon.metrics.PodbgpMetrics;
import dev.podbgp.daemon.metrics.PrometheusText;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next-hop changes of the FIB: every one counted per family, shown as iproute2 would name the next hop. */
class NextHopChangesTest {

    private static NextHop.Gateway via(String address, int ifindex) {
        return new NextHop.Gateway(IpAddress.parse(address), ifindex, false);
    }

    @Test
    void nextHopsReadLikeIproute2() {
        assertThat(NextHopChanges.text(via("fe80::1", 3))).isEqualTo("via fe80::1 dev#3");
        assertThat(NextHopChanges.text(via("10.0.0.2", 0))).isEqualTo("via 10.0.0.2");
        assertThat(NextHopChanges.text(new NextHop.Multipath(List.of(via("fe80::1", 3), via("fe80::2", 4)))))
                .isEqualTo("via fe80::1 dev#3, via fe80::2 dev#4");
        assertThat(NextHopChanges.text(NextHop.BLACKHOLE)).isEqualTo("blackhole");
        assertThat(NextHopChanges.text(new NextHop.Object(7))).isEqualTo("nhid 7");
    }

    @Test
    void everyChangeIsCountedEvenThoseWithoutALineOfTheirOwn() {
        PodbgpMetrics metrics = new PodbgpMetrics();
        NextHopChanges changes = new NextHopChanges(metrics);
        int many = NextHopChanges.LINES_PER_BATCH + 5;
        for (int i = 0; i < many; i++) {
            changes.changed(Prefix.parse("2001:db8:" + i + "::/48"), via("2001:db8::2", 0), via("fe80::2", 3));
        }
        changes.batchDone();
        changes.changed(Prefix.parse("10.1.0.0/16"), via("10.0.0.2", 0), via("10.0.0.3", 0));
        changes.batchDone();
        String text = PrometheusText.write(metrics.registry());
        assertThat(text).contains("podbgp_fib_nexthop_changes_total{family=\"ipv6 unicast\"} " + many)
                .contains("podbgp_fib_nexthop_changes_total{family=\"ipv4 unicast\"} 1");
    }
}
