package dev.podbgp.fib.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the writer does per address family, run for IPv4 and IPv6 alike against a real kernel
 * in a throw-away namespace: both families share one state class, so both must behave the same.
 */
class FibWriterFamilyTest extends WriterInNamespace {


    /** One family's addresses in the namespace of {@link TestNamespace}. */
    enum Family {
        IPV4("10.0.0", "10.%d.0.0/24", "10.5.0.1", "10.5.0.9/24", ""),
        IPV6("2001:db8::", "2001:db8:%x::/48", "2001:db8:5::1", "2001:db8:5::9/64", "-6");

        private final String neighbourPrefix;
        private final String routeFormat;
        private final String unreachableGateway;
        private final String addressReachingIt;
        private final String ipFlag;

        Family(String neighbourPrefix, String routeFormat, String unreachableGateway, String addressReachingIt,
               String ipFlag) {
            this.neighbourPrefix = neighbourPrefix;
            this.routeFormat = routeFormat;
            this.unreachableGateway = unreachableGateway;
            this.addressReachingIt = addressReachingIt;
            this.ipFlag = ipFlag;
        }

        Prefix prefix(int i) {
            return Prefix.parse(routeFormat.formatted(i));
        }

        /** Neighbour {@code host} on d0 (10.0.0.host, 2001:db8::host). */
        String neighbour(int host) {
            return neighbourPrefix + (this == IPV4 ? "." : "") + host;
        }

        NextHop via(int host) {
            return new NextHop.Gateway(IpAddress.parse(neighbour(host)));
        }

        boolean ipv6() {
            return this == IPV6;
        }

        String[] ip(String... args) {
            List<String> all = new ArrayList<>();
            if (!ipFlag.isEmpty()) {
                all.add(ipFlag);
            }
            all.addAll(List.of(args));
            return all.toArray(String[]::new);
        }
    }

    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Prefix> recovered = Collections.synchronizedList(new ArrayList<>());
    private final FibListener listener = new FibListener() {
        @Override
        public void onFailure(Prefix prefix, int errno, String reason, int attempt) {
            failures.add(prefix + " #" + attempt);
        }

        @Override
        public void onRecovered(Prefix prefix) {
            recovered.add(prefix);
        }
    };

    private FibWriter open(FibConfig config) throws IOException {
        return open(config, listener);
    }

    /** Our routes of {@code family}: destination → gateway or type. */
    private Map<String, String> kernel(Family family) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : ns.routes(family.ipv6(), TABLE, OWNER.protocol())) {
            out.put(r.get("dst").asText(), r.has("gateway") ? r.get("gateway").asText() : r.get("type").asText());
        }
        return out;
    }

    /** Routes of our protocol to {@code family.prefix(i)} for each i, via neighbour 2, as a previous run left them. */
    private void addOurs(Family family, int... indexes) throws IOException {
        for (int i : indexes) {
            ns.ip(family.ip("route", "add", family.prefix(i).toString(), "via", family.neighbour(2), "table", "" + TABLE,
                    "proto", "" + OWNER.protocol(), "metric", "20"));
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void startDeletesOursNobodyWantsCorrectsWrongOnesAndAddsMissing(Family family) throws Exception {
        addOurs(family, 1, 2, 4);
        open(FibConfig.defaults());
        fib.install(family.prefix(2), family.via(2));
        fib.install(family.prefix(3), family.via(2));
        fib.install(family.prefix(4), family.via(3));
        fib.start();
        assertThat(kernel(family)).containsExactlyInAnyOrderEntriesOf(Map.of(
                family.prefix(2).toString(), family.neighbour(2),
                family.prefix(3).toString(), family.neighbour(2),
                family.prefix(4).toString(), family.neighbour(3)));
        assertThat(fib.writtenRoutes(family.ipv6())).isEqualTo(3);
        assertThat(fib.writtenRoutes(!family.ipv6())).isZero();
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void gracefulRestartKeepsStaleRoutesUntilTheRibConverged(Family family) throws Exception {
        addOurs(family, 1, 2, 5);
        open(FibConfig.defaults().withGracefulRestart(true));
        fib.start();
        assertThat(kernel(family)).containsOnlyKeys(family.prefix(1).toString(), family.prefix(2).toString(),
                family.prefix(5).toString());
        assertThat(fib.keptAtStart()).as("a previous run's routes, so a restart").isEqualTo(3);
        fib.install(family.prefix(2), family.via(3));
        fib.install(family.prefix(3), family.via(3));
        // A stale route withdrawn before convergence goes at once.
        fib.withdraw(family.prefix(5));
        awaitWritten();
        assertThat(kernel(family)).containsOnlyKeys(family.prefix(1).toString(), family.prefix(2).toString(),
                family.prefix(3).toString());
        assertThat(fib.writtenRoutes(family.ipv6())).as("two wanted, one stale").isEqualTo(3);
        fib.ribConverged();
        awaitWritten();
        assertThat(kernel(family)).containsExactlyInAnyOrderEntriesOf(Map.of(
                family.prefix(2).toString(), family.neighbour(3),
                family.prefix(3).toString(), family.neighbour(3)));
        assertThat(fib.writtenRoutes(family.ipv6())).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void theDeletionOfARouteTheWriterNeverHeldAsksNothingOfIt(Family family) throws Exception {
        open(FibConfig.defaults());
        fib.start();
        fib.install(family.prefix(1), family.via(2));
        awaitWritten();
        // Ours by protocol, but added behind the writer's back: no key of the writer's names it.
        addOurs(family, 9);
        long seen = fib.deletionsSeen();
        ns.ip(family.ip("route", "del", family.prefix(9).toString(), "table", "" + TABLE));
        eventually(() -> assertThat(fib.deletionsSeen()).isGreaterThan(seen));
        assertThat(fib.awaitWritten(Duration.ofSeconds(2))).as("nothing left to write after a deletion that asks nothing").isTrue();
        assertThat(kernel(family)).containsOnlyKeys(family.prefix(1).toString());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void routesKeptAsStaleAfterACrashStillLeaveAtCloseWhenNotKeptOnClose(Family family) throws Exception {
        // A crash left routes behind; this run keeps them at start but was not told to keep its own at exit.
        addOurs(family, 1, 2);
        open(FibConfig.defaults().withKeepStaleAtStart(true));
        fib.start();
        assertThat(fib.keptAtStart()).isEqualTo(2);
        fib.install(family.prefix(3), family.via(2));
        awaitWritten();
        assertThat(kernel(family)).containsOnlyKeys(family.prefix(1).toString(), family.prefix(2).toString(),
                family.prefix(3).toString());
        fib.close();
        fib = null;
        assertThat(kernel(family)).as("ours leave at close, stale ones too").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void aRefusedRouteIsRetriedWithBackoffAndInstalledOnceItCanBe(Family family) throws Exception {
        open(FibConfig.defaults());
        fib.start();
        Prefix refused = family.prefix(7);
        fib.install(refused, new NextHop.Gateway(IpAddress.parse(family.unreachableGateway)));
        fib.install(family.prefix(8), family.via(2));
        awaitWritten();
        eventually(() -> assertThat(failures).contains(refused + " #1", refused + " #2"));
        assertThat(kernel(family)).containsOnlyKeys(family.prefix(8).toString());
        assertThat(fib.retrying()).isEqualTo(1);
        assertThat(fib.writtenRoutes(family.ipv6())).as("the refused route is not counted").isEqualTo(1);

        ns.ip(addressArgs(family));
        eventually(() -> assertThat(recovered).containsExactly(refused));
        assertThat(kernel(family)).containsEntry(refused.toString(), family.unreachableGateway);
        assertThat(fib.retrying()).isZero();
        eventually(() -> assertThat(fib.writtenRoutes(family.ipv6())).isEqualTo(2));
    }

    private static String[] addressArgs(Family family) {
        return family.ipv6() ? family.ip("addr", "add", family.addressReachingIt, "dev", "d0", "nodad")
                : family.ip("addr", "add", family.addressReachingIt, "dev", "d0");
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void shutdownRemovesOurRoutesOrKeepsThemForGracefulRestart(Family family) throws Exception {
        open(FibConfig.defaults());
        fib.install(family.prefix(1), family.via(2));
        fib.start();
        fib.close();
        fib = null;
        assertThat(kernel(family)).isEmpty();

        open(FibConfig.defaults().withGracefulRestart(true));
        fib.install(family.prefix(1), family.via(2));
        fib.start();
        fib.close();
        fib = null;
        assertThat(kernel(family)).containsOnlyKeys(family.prefix(1).toString());
    }

    @Test
    void ipv6PrefixesGiveTheirNumbersBackWhenTheirRoutesGo() throws Exception {
        Family v6 = Family.IPV6;
        addOurs(v6, 0xfff);
        open(FibConfig.defaults());
        fib.start();
        assertThat(kernel(v6)).isEmpty();
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 200; i++) {
                fib.install(v6.prefix(i), v6.via(2));
            }
            awaitWritten();
            for (int i = 51; i <= 200; i++) {
                fib.withdraw(v6.prefix(i));
            }
            // Withdrawing what was never there answers ESRCH, which is done too.
            fib.withdraw(v6.prefix(0xffe));
            awaitWritten();
            assertThat(kernel(v6)).hasSize(50);
            assertThat(fib.numberedIpv6Prefixes()).isEqualTo(50);
        }
        assertThat(failures).isEmpty();
    }
}
