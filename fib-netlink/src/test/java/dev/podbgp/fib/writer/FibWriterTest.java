package dev.podbgp.fib.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.fib.netlink.Errno;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The FIB writer against a real kernel in a throw-away namespace. */
class FibWriterTest extends WriterInNamespace {

    private static final NextHop VIA_2 = new NextHop.Gateway(Ipv4Address.parse("10.0.0.2"));
    private static final NextHop VIA_3 = new NextHop.Gateway(Ipv4Address.parse("10.0.0.3"));

    private final Recorder recorder = new Recorder();

    static final class Recorder implements FibListener {
        final AtomicInteger written = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final List<Prefix> recovered = Collections.synchronizedList(new ArrayList<>());
        final List<Prefix> healed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onFailure(Prefix prefix, int errno, String reason, int attempt) {
            failures.add(prefix + " " + Errno.name(errno) + " #" + attempt);
        }

        @Override
        public void onRecovered(Prefix prefix) {
            recovered.add(prefix);
        }

        @Override
        public void onBatch(int ok, int failed) {
            written.addAndGet(ok);
        }

        @Override
        public void onHealed(Prefix prefix) {
            healed.add(prefix);
        }
    }

    private FibWriter open(FibConfig config) throws IOException {
        return open(config, recorder);
    }

    /** dst → gateway (or type) of our routes, IPv4 and IPv6. */
    private Map<String, String> kernel() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (boolean v6 : new boolean[] {false, true}) {
            for (JsonNode r : ns.routes(v6, TABLE, OWNER.protocol())) {
                out.put(r.get("dst").asText(), r.has("gateway") ? r.get("gateway").asText()
                        : r.has("nhid") ? "nhid" : r.has("nexthops") ? r.get("nexthops").findValuesAsText("gateway").toString()
                        : r.get("type").asText());
            }
        }
        return out;
    }

    @Test
    void onlyTheLatestStatePerPrefixIsWritten() throws Exception {
        open(FibConfig.defaults());
        for (int i = 0; i < 100; i++) {
            fib.install(Ipv4Prefix.parse("192.0.2.0/24"), i % 2 == 0 ? VIA_2 : VIA_3);
        }
        fib.install(Ipv4Prefix.parse("198.51.100.0/24"), VIA_2);
        fib.withdraw(Ipv4Prefix.parse("198.51.100.0/24"));
        fib.install(Ipv6Prefix.parse("2001:db8:100::/48"), new NextHop.Gateway(Ipv6Address.parse("2001:db8::2")));
        fib.start();
        awaitWritten();
        assertThat(kernel()).containsExactlyInAnyOrderEntriesOf(Map.of("192.0.2.0/24", "10.0.0.3", "2001:db8:100::/48", "2001:db8::2"));
        assertThat(recorder.written.get()).isEqualTo(2);

        for (int i = 0; i < 1000; i++) {
            fib.installIpv4(0x0a640000 | i << 8, 24, VIA_2);
        }
        fib.installIpv4(0xc0000200, 24, NextHop.BLACKHOLE);
        awaitWritten();
        eventually(() -> assertThat(kernel()).hasSize(1002).containsEntry("192.0.2.0/24", "blackhole"));
        assertThat(recorder.failures).isEmpty();
    }

    @Test
    void reconciliationAtStartDeletesStaleAddsMissingAndLeavesOthersAlone() throws Exception {
        ns.ip("route", "add", "10.1.0.0/24", "via", "10.0.0.2", "table", "100", "proto", "" + OWNER.protocol(), "metric", "20");
        ns.ip("route", "add", "10.2.0.0/24", "via", "10.0.0.2", "table", "100", "proto", "" + OWNER.protocol(), "metric", "20");
        ns.ip("route", "add", "10.4.0.0/24", "via", "10.0.0.2", "table", "100", "proto", "" + OWNER.protocol(), "metric", "20");
        ns.ip("-6", "route", "add", "2001:db8:1::/48", "via", "2001:db8::2", "table", "100", "proto", "" + OWNER.protocol(), "metric", "20");
        ns.ip("route", "add", "10.9.0.0/24", "via", "10.0.0.2", "table", "100", "proto", "static");
        open(FibConfig.defaults());
        fib.install(Ipv4Prefix.parse("10.2.0.0/24"), VIA_2);
        fib.install(Ipv4Prefix.parse("10.3.0.0/24"), VIA_2);
        fib.install(Ipv4Prefix.parse("10.4.0.0/24"), VIA_3);
        fib.start();
        assertThat(kernel()).containsExactlyInAnyOrderEntriesOf(
                Map.of("10.2.0.0/24", "10.0.0.2", "10.3.0.0/24", "10.0.0.2", "10.4.0.0/24", "10.0.0.3"));
        // 10.2 was already right: not rewritten. Written: 10.3 added, 10.4 corrected, 10.1 and 2001:db8:1:: deleted.
        assertThat(recorder.written.get()).isEqualTo(4);
        assertThat(ns.ipJson("route", "show", "table", "100", "proto", "static")).hasSize(1);
    }

    @Test
    void gracefulRestartKeepsStaleRoutesUntilTheRibConverged() throws Exception {
        ns.ip("route", "add", "10.1.0.0/24", "via", "10.0.0.2", "table", "100", "proto", "" + OWNER.protocol(), "metric", "20");
        ns.ip("route", "add", "10.2.0.0/24", "via", "10.0.0.2", "table", "100", "proto", "" + OWNER.protocol(), "metric", "20");
        open(FibConfig.defaults().withGracefulRestart(true));
        fib.start();
        assertThat(kernel()).containsOnlyKeys("10.1.0.0/24", "10.2.0.0/24");
        fib.install(Ipv4Prefix.parse("10.2.0.0/24"), VIA_3);
        fib.install(Ipv4Prefix.parse("10.3.0.0/24"), VIA_3);
        awaitWritten();
        assertThat(kernel()).containsOnlyKeys("10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24");
        fib.ribConverged();
        awaitWritten();
        assertThat(kernel()).containsExactlyInAnyOrderEntriesOf(Map.of("10.2.0.0/24", "10.0.0.3", "10.3.0.0/24", "10.0.0.3"));
    }

    @Test
    void aRefusedRouteIsReportedRetriedWithBackoffAndInstalledOnceItCanBe() throws Exception {
        open(FibConfig.defaults());
        fib.start();
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), new NextHop.Gateway(Ipv4Address.parse("10.5.0.1")));
        fib.install(Ipv4Prefix.parse("198.51.100.0/24"), VIA_2);
        awaitWritten();
        eventually(() -> assertThat(recorder.failures).contains("192.0.2.0/24 ENETUNREACH #1", "192.0.2.0/24 ENETUNREACH #2"));
        assertThat(kernel()).containsOnlyKeys("198.51.100.0/24");
        assertThat(fib.retrying()).isEqualTo(1);
        ns.ip("addr", "add", "10.5.0.9/24", "dev", "d0");
        eventually(() -> assertThat(recorder.recovered).containsExactly(Ipv4Prefix.parse("192.0.2.0/24")));
        assertThat(kernel()).containsEntry("192.0.2.0/24", "10.5.0.1");
        assertThat(fib.retrying()).isZero();
    }

    @Test
    void aRouteDeletedByAnotherProgramComesBack() throws Exception {
        open(FibConfig.defaults());
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), VIA_2);
        fib.install(Ipv6Prefix.parse("2001:db8:100::/48"), new NextHop.Gateway(Ipv6Address.parse("2001:db8::2")));
        fib.start();
        ns.ip("route", "del", "192.0.2.0/24", "table", "100");
        ns.ip("-6", "route", "del", "2001:db8:100::/48", "table", "100");
        eventually(() -> assertThat(kernel()).containsOnlyKeys("192.0.2.0/24", "2001:db8:100::/48"));
        assertThat(recorder.healed).containsExactlyInAnyOrder(Ipv4Prefix.parse("192.0.2.0/24"), Ipv6Prefix.parse("2001:db8:100::/48"));
        // A withdrawal is not healed back.
        fib.withdraw(Ipv4Prefix.parse("192.0.2.0/24"));
        awaitWritten();
        Thread.sleep(300);
        assertThat(kernel()).containsOnlyKeys("2001:db8:100::/48");
        assertThat(recorder.healed).hasSize(2);
    }

    @Test
    void routesFlushedWithTheirLinkAreWrittenAgainWhenItReturns() throws Exception {
        open(FibConfig.defaults());
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), VIA_2);
        fib.install(Ipv4Prefix.parse("203.0.113.0/24"), NextHop.BLACKHOLE);
        fib.start();
        ns.ip("link", "set", "d0", "down");
        eventually(() -> assertThat(kernel()).containsOnlyKeys("203.0.113.0/24"));
        ns.ip("link", "set", "d0", "up");
        eventually(() -> assertThat(kernel()).containsEntry("192.0.2.0/24", "10.0.0.2").hasSize(2));
    }

    @Test
    void ecmpGrowsAndShrinksThroughTheWriter() throws Exception {
        int d0 = ns.ifindex("d0");
        NextHop.Gateway a = new NextHop.Gateway(Ipv4Address.parse("10.0.0.2"), d0, false);
        NextHop.Gateway b = new NextHop.Gateway(Ipv4Address.parse("10.0.0.3"), d0, false);
        NextHop.Gateway c = new NextHop.Gateway(Ipv4Address.parse("10.0.0.4"), d0, false);
        open(FibConfig.defaults());
        fib.start();
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), new NextHop.Multipath(List.of(a, b, c)));
        awaitWritten();
        int first = ns.routes(false, TABLE, OWNER.protocol()).get(0).get("nhid").asInt();
        assertThat(ns.ipJson("nexthop", "show", "id", "" + first).get(0).get("group")).hasSize(3);
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), new NextHop.Multipath(List.of(a, c)));
        awaitWritten();
        int second = ns.routes(false, TABLE, OWNER.protocol()).get(0).get("nhid").asInt();
        assertThat(ns.ipJson("nexthop", "show", "id", "" + second).get(0).get("group")).hasSize(2);
        assertThat(ns.ipJson("nexthop", "show").findValuesAsText("id")).doesNotContain("" + first);
        assertThat(recorder.failures).isEmpty();
        fib.close();
        fib = null;
        assertThat(kernel()).isEmpty();
        assertThat(ns.ipJson("nexthop", "show")).isEmpty();
    }

    @Test
    void shutdownRemovesOurRoutesOrKeepsThemForGracefulRestart() throws Exception {
        ns.ip("route", "add", "10.9.0.0/24", "via", "10.0.0.2", "table", "100", "proto", "static");
        open(FibConfig.defaults());
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), VIA_2);
        fib.start();
        fib.close();
        fib = null;
        assertThat(kernel()).isEmpty();
        assertThat(ns.ipJson("route", "show", "table", "100", "proto", "static")).hasSize(1);

        open(FibConfig.defaults().withGracefulRestart(true));
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), VIA_2);
        fib.start();
        fib.close();
        fib = null;
        assertThat(kernel()).containsOnlyKeys("192.0.2.0/24");
    }

    @Test
    void aRouteOfOursAnotherProgramReplacedIsPutBackByThePeriodicScan() throws Exception {
        open(FibConfig.defaults().withScanInterval(Duration.ofMillis(300)));
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), VIA_2);
        fib.start();
        // A replacement is no deletion: no notification makes the writer look, only the scan does.
        ns.ip("route", "replace", "192.0.2.0/24", "via", "10.0.0.3", "table", "" + TABLE, "proto", "" + OWNER.protocol(),
                "metric", "20");
        assertThat(kernel()).containsEntry("192.0.2.0/24", "10.0.0.3");
        eventually(() -> assertThat(kernel()).containsEntry("192.0.2.0/24", "10.0.0.2"));
    }

    @Test
    void theScanWritesWhatWentMissingCorrectsWhatChangedAndDeletesWhatNobodyWants() throws Exception {
        // No monitor: only the scan can see that a route went away.
        open(FibConfig.defaults().withSelfHealing(false).withScanInterval(Duration.ofMillis(300)));
        for (int i = 1; i <= 3; i++) {
            fib.install(Ipv4Prefix.parse("10.0." + i + ".0/24"), VIA_2);
        }
        fib.start();
        awaitWritten();
        ns.ip("route", "del", "10.0.1.0/24", "table", "" + TABLE);
        ns.ip("route", "replace", "10.0.2.0/24", "via", "10.0.0.3", "table", "" + TABLE, "proto", "" + OWNER.protocol(),
                "metric", "20");
        ns.ip("route", "add", "10.0.9.0/24", "via", "10.0.0.3", "table", "" + TABLE, "proto", "" + OWNER.protocol(),
                "metric", "20");
        eventually(() -> assertThat(kernel()).containsExactlyInAnyOrderEntriesOf(
                Map.of("10.0.1.0/24", "10.0.0.2", "10.0.2.0/24", "10.0.0.2", "10.0.3.0/24", "10.0.0.2")));
    }

    @Test
    void aResyncDuringGracefulRestartKeepsTheStaleRoutes() throws Exception {
        ns.ip("route", "add", "10.1.0.0/24", "via", "10.0.0.2", "table", "100", "proto", "" + OWNER.protocol(), "metric", "20");
        ns.ip("link", "add", "d2", "type", "veth", "peer", "name", "d3");
        open(FibConfig.defaults().withGracefulRestart(true).withScanInterval(Duration.ofMillis(200)));
        fib.install(Ipv4Prefix.parse("10.2.0.0/24"), VIA_2);
        fib.start();
        // A pod's veth coming up is a link-up re-sync; the scans run meanwhile too.
        ns.ip("link", "set", "d3", "up");
        ns.ip("link", "set", "d2", "up");
        Thread.sleep(800);
        awaitWritten();
        assertThat(kernel()).containsOnlyKeys("10.1.0.0/24", "10.2.0.0/24");
        fib.ribConverged();
        awaitWritten();
        assertThat(kernel()).containsOnlyKeys("10.2.0.0/24");
    }

    @Test
    void swapBuffersGrownForAFullTableAreKeptForTheNextPassAndGivenBackAtTheHeapTrim() throws Exception {
        open(FibConfig.defaults(), FibListener.NONE);
        fib.start();
        for (int i = 0; i < 100_000; i++) {
            fib.install(Ipv4Prefix.masked(0x0A00_0000 + (i << 8), 24), VIA_2);
        }
        awaitWritten();
        Thread.sleep(200);
        // The passes of 100,000 routes grew the buffers past what they keep when trimmed; idling does not give
        // them back (a table flapping faster than the heap trim would regrow them each pass)...
        assertThat(fib.bufferSlots()).isGreaterThan(4 * 8192);
        // ...the heap trim does: each of the four keeps at most 8,192.
        assertThat(fib.trimTables(Duration.ofSeconds(10))).isTrue();
        assertThat(fib.bufferSlots()).isLessThanOrEqualTo(4 * 8192);
        assertThat(fib.writtenRoutes(false)).isEqualTo(100_000);
    }

    @Test
    void aTrimGivesBackTheDesiredStateRoomAWithdrawnTableLeftAndRoutesStay() throws Exception {
        open(FibConfig.defaults(), FibListener.NONE);
        fib.start();
        for (int i = 0; i < 100_000; i++) {
            fib.install(Ipv4Prefix.masked(0x0A00_0000 + (i << 8), 24), VIA_2);
        }
        awaitWritten();
        for (int i = 0; i < 100_000; i++) {
            if (i % 20 != 0) {
                fib.withdraw(Ipv4Prefix.masked(0x0A00_0000 + (i << 8), 24));
            }
        }
        awaitWritten();
        int grown = fib.desiredSlots();
        assertThat(grown).isGreaterThanOrEqualTo(100_000 * 4 / 3);

        assertThat(fib.trimTables(Duration.ofSeconds(30))).isTrue();

        // 5,000 IPv4 routes and no IPv6 ones: about 7,100 and 16 slots.
        assertThat(fib.desiredSlots()).isLessThanOrEqualTo(5_000 * 3 / 2 + 16);
        assertThat(fib.writtenRoutes(false)).isEqualTo(5_000);
        assertThat(kernel()).hasSize(5_000).containsKey("10.0.20.0/24").doesNotContainKey("10.0.1.0/24");
        // Nothing left to give back: the second trim is answered too.
        assertThat(fib.trimTables(Duration.ofSeconds(30))).isTrue();
        fib.install(Ipv4Prefix.parse("192.0.2.0/24"), VIA_3);
        awaitWritten();
        assertThat(kernel()).hasSize(5_001).containsEntry("192.0.2.0/24", "10.0.0.3");
    }
}
