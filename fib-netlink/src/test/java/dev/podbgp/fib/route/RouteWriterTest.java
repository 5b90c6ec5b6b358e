package dev.podbgp.fib.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.fib.TestNamespace;
import dev.podbgp.fib.netlink.Errno;
import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route requests against a real kernel in a throw-away namespace, read back with {@code ip -j route}. */
class RouteWriterTest {

    private static final int TABLE = 100;
    private static final RouteOwner OWNER = new RouteOwner(RouteOwner.PODBGP_PROTOCOL, TABLE, 20);
    private static final NextHop VIA_2 = new NextHop.Gateway(Ipv4Address.parse("10.0.0.2"));
    private static final NextHop VIA_3 = new NextHop.Gateway(Ipv4Address.parse("10.0.0.3"));
    private static final NextHop VIA6_2 = new NextHop.Gateway(Ipv6Address.parse("2001:db8::2"));

    private TestNamespace ns;
    private Results results;
    private RouteWriter writer;

    @BeforeEach
    void setUp() throws IOException {
        ns = TestNamespace.create();
        results = new Results();
        writer = RouteWriter.openIn(ns.namespace(), OWNER, results);
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            ns.close();
        }
    }

    private List<String> dsts(boolean ipv6) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode r : ns.routes(ipv6, TABLE, OWNER.protocol())) {
            out.add(r.get("dst").asText());
        }
        return out;
    }

    private JsonNode only(boolean ipv6) throws IOException {
        JsonNode routes = ns.routes(ipv6, TABLE, OWNER.protocol());
        assertThat(routes).hasSize(1);
        return routes.get(0);
    }

    @Test
    void ipv4AddReplaceDelete() throws IOException {
        writer.replace(Ipv4Prefix.parse("192.0.2.0/24"), VIA_2, 1);
        writer.replace(Ipv4Prefix.parse("198.51.100.0/25"), VIA_2, 2);
        writer.flush();
        assertThat(results.all).hasSize(2);
        assertThat(results.allOk()).isTrue();
        assertThat(dsts(false)).containsExactlyInAnyOrder("192.0.2.0/24", "198.51.100.0/25");
        JsonNode r = ns.routes(false, TABLE, OWNER.protocol()).get(0);
        assertThat(r.get("gateway").asText()).isEqualTo("10.0.0.2");
        assertThat(r.get("metric").asInt()).isEqualTo(20);

        writer.replace(Ipv4Prefix.parse("192.0.2.0/24"), VIA_3, 3);
        writer.delete(Ipv4Prefix.parse("198.51.100.0/25"), 4);
        writer.flush();
        assertThat(results.allOk()).isTrue();
        JsonNode replaced = only(false);
        assertThat(replaced.get("dst").asText()).isEqualTo("192.0.2.0/24");
        assertThat(replaced.get("gateway").asText()).isEqualTo("10.0.0.3");

        writer.delete(Ipv4Prefix.parse("192.0.2.0/24"), 5);
        writer.flush();
        assertThat(results.of(5).errno()).isZero();
        assertThat(dsts(false)).isEmpty();
    }

    @Test
    void ipv6AddReplaceDelete() throws IOException {
        writer.replace(Ipv6Prefix.parse("2001:db8:100::/48"), VIA6_2, 1);
        writer.flush();
        assertThat(results.of(1).errno()).isZero();
        JsonNode r = only(true);
        assertThat(r.get("dst").asText()).isEqualTo("2001:db8:100::/48");
        assertThat(r.get("gateway").asText()).isEqualTo("2001:db8::2");

        writer.replace(Ipv6Prefix.parse("2001:db8:100::/48"), new NextHop.Gateway(Ipv6Address.parse("2001:db8::3")), 2);
        writer.flush();
        assertThat(results.of(2).errno()).isZero();
        assertThat(only(true).get("gateway").asText()).isEqualTo("2001:db8::3");

        writer.delete(Ipv6Prefix.parse("2001:db8:100::/48"), 3);
        writer.flush();
        assertThat(results.of(3).errno()).isZero();
        assertThat(dsts(true)).isEmpty();
    }

    @Test
    void blackholeAndUnreachable() throws IOException {
        writer.replace(Ipv4Prefix.parse("203.0.113.0/24"), NextHop.BLACKHOLE, 1);
        writer.replace(Ipv6Prefix.parse("2001:db8:dead::/48"), NextHop.UNREACHABLE, 2);
        writer.flush();
        assertThat(results.allOk()).as("%s", results.all).isTrue();
        assertThat(only(false).get("type").asText()).isEqualTo("blackhole");
        assertThat(only(true).get("type").asText()).isEqualTo("unreachable");
    }

    @Test
    void onlinkGatewayOutsideTheConnectedSubnet() throws IOException {
        int d0 = ns.ifindex("d0");
        writer.replace(Ipv4Prefix.parse("192.0.2.0/24"), new NextHop.Gateway(Ipv4Address.parse("172.16.0.1"), d0, true), 1);
        writer.flush();
        assertThat(results.of(1).errno()).isZero();
        JsonNode r = only(false);
        assertThat(r.get("gateway").asText()).isEqualTo("172.16.0.1");
        assertThat(r.get("flags").toString()).contains("onlink");
    }

    @Test
    void directlyOutOfAnInterfaceIsScopeLink() throws IOException {
        int d0 = ns.ifindex("d0");
        writer.replace(Ipv4Prefix.parse("192.0.2.0/24"), new NextHop.Device(d0), 1);
        writer.flush();
        assertThat(results.of(1).errno()).isZero();
        JsonNode r = only(false);
        assertThat(r.get("dev").asText()).isEqualTo("d0");
        assertThat(r.get("scope").asText()).isEqualTo("link");
        assertThat(r.has("gateway")).isFalse();
    }

    @Test
    void ipv4RouteViaIpv6Gateway() throws IOException {
        int d0 = ns.ifindex("d0");
        writer.replace(Ipv4Prefix.parse("192.0.2.0/24"), new NextHop.Gateway(Ipv6Address.parse("2001:db8::2"), d0, false), 1);
        writer.flush();
        assertThat(results.of(1).errno()).as("%s", results.all).isZero();
        JsonNode via = only(false).get("via");
        assertThat(via.get("family").asText()).isEqualTo("inet6");
        assertThat(via.get("host").asText()).isEqualTo("2001:db8::2");
    }

    @Test
    void aFailureIsReportedForThatRouteOnlyAndTheRestOfTheBatchIsWritten() throws IOException {
        writer.replace(Ipv4Prefix.parse("192.0.2.0/24"), VIA_2, 1);
        writer.replace(Ipv4Prefix.parse("198.51.100.0/24"), new NextHop.Gateway(Ipv4Address.parse("172.16.0.1")), 2);
        writer.replace(Ipv4Prefix.parse("203.0.113.0/24"), VIA_2, 3);
        writer.flush();
        assertThat(results.all).hasSize(3);
        assertThat(results.of(1).errno()).isZero();
        assertThat(results.of(2).errno()).isEqualTo(Errno.ENETUNREACH);
        assertThat(results.of(2).reason()).isNotBlank();
        assertThat(results.of(3).errno()).isZero();
        assertThat(dsts(false)).containsExactlyInAnyOrder("192.0.2.0/24", "203.0.113.0/24");
    }

    @Test
    void deletingARouteThatIsNotOursIsRefusedAndLeavesItInPlace() throws IOException {
        ns.ip("route", "add", "192.0.2.0/24", "via", "10.0.0.2", "table", "" + TABLE, "proto", "static", "metric", "20");
        ns.ip("route", "add", "198.51.100.0/24", "via", "10.0.0.2", "table", "" + TABLE, "proto", "static");
        writer.replace(Ipv4Prefix.parse("198.51.100.0/24"), VIA_3, 1);
        writer.delete(Ipv4Prefix.parse("192.0.2.0/24"), 2);
        writer.flush();
        assertThat(results.of(1).errno()).isZero();
        assertThat(results.of(2).errno()).isEqualTo(Errno.ESRCH);
        writer.delete(Ipv4Prefix.parse("198.51.100.0/24"), 3);
        writer.flush();
        assertThat(results.of(3).errno()).isZero();
        JsonNode statics = ns.ipJson("route", "show", "table", "" + TABLE, "proto", "static");
        assertThat(statics).hasSize(2);
        assertThat(writer.dumpRoutes(Rtnetlink.AF_INET)).isEmpty();
    }

    @Test
    void dumpReturnsOnlyOurRoutesOfOurTable() throws IOException {
        ns.ip("route", "add", "10.9.0.0/16", "via", "10.0.0.2", "table", "" + TABLE, "proto", "static");
        ns.ip("route", "add", "10.8.0.0/16", "via", "10.0.0.2", "proto", "" + OWNER.protocol());
        for (int i = 0; i < 1000; i++) {
            writer.replaceIpv4(0x0a640000 | i << 8, 24, VIA_2, i);
        }
        writer.replace(Ipv6Prefix.parse("2001:db8:100::/48"), VIA6_2, 5000);
        writer.flush();
        assertThat(results.all).hasSize(1001);
        assertThat(results.allOk()).isTrue();
        List<KernelRoute> v4 = writer.dumpRoutes(Rtnetlink.AF_INET);
        assertThat(v4).hasSize(1000);
        assertThat(v4).allSatisfy(r -> {
            assertThat(r.protocol()).isEqualTo(OWNER.protocol());
            assertThat(r.table()).isEqualTo(TABLE);
            assertThat(r.gateway()).isEqualTo(Ipv4Address.parse("10.0.0.2"));
            assertThat(r.priority()).isEqualTo(20);
        });
        assertThat(v4.stream().map(KernelRoute::prefix)).contains((Prefix) Ipv4Prefix.parse("10.100.3.0/24"));
        List<KernelRoute> v6 = writer.dumpRoutes(Rtnetlink.AF_INET6);
        assertThat(v6).extracting(KernelRoute::prefix).containsExactly(Ipv6Prefix.parse("2001:db8:100::/48"));
    }

    @Test
    void aWriterOpenedInANamespaceWritesThereAndNotInTheHost() throws IOException {
        writer.replace(Ipv4Prefix.parse("192.0.2.0/24"), VIA_2, 1);
        writer.flush();
        assertThat(dsts(false)).containsExactly("192.0.2.0/24");
        String host = TestNamespace.runOnHost("ip", "-j", "route", "show", "table", "all", "proto", "" + OWNER.protocol());
        assertThat(host).doesNotContain("192.0.2.0");
    }

    @Test
    void registersTheProtocolNameForIproute2(@TempDir Path dir) throws IOException {
        Path file = OWNER.registerName(dir.resolve("rt_protos.d"));
        assertThat(file.getFileName().toString()).isEqualTo("podbgp.conf");
        assertThat(Files.readAllLines(file)).contains("244\tpodbgp");
    }
}
