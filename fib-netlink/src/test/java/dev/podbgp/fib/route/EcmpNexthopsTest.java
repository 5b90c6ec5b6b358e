package dev.podbgp.fib.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.fib.TestNamespace;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ECMP add and shrink, with nexthop objects and with the RTA_MULTIPATH fallback, read back with {@code ip -j}. */
class EcmpNexthopsTest {

    private static final int TABLE = 100;
    private static final RouteOwner OWNER = new RouteOwner(RouteOwner.PODBGP_PROTOCOL, TABLE, 20);
    private static final Ipv4Prefix P = Ipv4Prefix.parse("192.0.2.0/24");

    private TestNamespace ns;
    private Results results;
    private RouteWriter writer;
    private int d0;

    @BeforeEach
    void setUp() throws IOException {
        ns = TestNamespace.create();
        results = new Results();
        writer = RouteWriter.openIn(ns.namespace(), OWNER, results);
        d0 = ns.ifindex("d0");
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            writer.close();
        } finally {
            ns.close();
        }
    }

    private NextHop.Multipath paths(String... gateways) {
        List<NextHop.Gateway> list = new ArrayList<>();
        for (String g : gateways) {
            list.add(new NextHop.Gateway(g.contains(":") ? Ipv6Address.parse(g) : Ipv4Address.parse(g), d0, false));
        }
        return new NextHop.Multipath(list);
    }

    private List<String> groupGateways(int groupId) throws IOException {
        JsonNode group = ns.ipJson("nexthop", "show", "id", "" + groupId).get(0).get("group");
        List<String> out = new ArrayList<>();
        for (JsonNode member : group) {
            out.add(ns.ipJson("nexthop", "show", "id", member.get("id").asText()).get(0).get("gateway").asText());
        }
        return out;
    }

    @Test
    void nexthopGroupsGrowAndShrinkAndTheOldGroupIsDeleted() throws IOException {
        EcmpNexthops ecmp = EcmpNexthops.probe(writer, 1_000_000);
        assertThat(ecmp.usesObjects()).as("kernel 5.3+ has nexthop objects").isTrue();

        NextHop three = ecmp.resolve(paths("10.0.0.2", "10.0.0.3", "10.0.0.4"), 1);
        writer.replace(P, three, 1);
        writer.flush();
        assertThat(results.allOk()).as("%s", results.all).isTrue();
        JsonNode route = ns.routes(false, TABLE, OWNER.protocol()).get(0);
        int first = route.get("nhid").asInt();
        assertThat(first).isEqualTo(((NextHop.Object) three).id());
        assertThat(groupGateways(first)).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4");

        NextHop two = ecmp.resolve(paths("10.0.0.2", "10.0.0.4"), 2);
        writer.replace(P, two, 2);
        ecmp.release(three, 2);
        writer.flush();
        assertThat(results.allOk()).as("%s", results.all).isTrue();
        int second = ns.routes(false, TABLE, OWNER.protocol()).get(0).get("nhid").asInt();
        assertThat(second).isNotEqualTo(first);
        assertThat(groupGateways(second)).containsExactly("10.0.0.2", "10.0.0.4");
        assertThat(ns.ipJson("nexthop", "show").findValuesAsText("id")).doesNotContain("" + first);
        assertThat(ecmp.groupCount()).isEqualTo(1);
    }

    @Test
    void ipv6RoutesUseIpv6NexthopGroups() throws IOException {
        EcmpNexthops ecmp = EcmpNexthops.probe(writer, 1_000_000);
        Ipv6Prefix p6 = Ipv6Prefix.parse("2001:db8:100::/48");
        NextHop group = ecmp.resolve(paths("2001:db8::2", "2001:db8::3"), 1);
        writer.replace(p6, group, 1);
        writer.flush();
        assertThat(results.allOk()).as("%s", results.all).isTrue();
        int id = ns.routes(true, TABLE, OWNER.protocol()).get(0).get("nhid").asInt();
        assertThat(groupGateways(id)).containsExactly("2001:db8::2", "2001:db8::3");
    }

    @Test
    void routesWithTheSameGatewaySetShareOneGroup() throws IOException {
        EcmpNexthops ecmp = EcmpNexthops.probe(writer, 1_000_000);
        NextHop a = ecmp.resolve(paths("10.0.0.2", "10.0.0.3"), 1);
        writer.replace(P, a, 1);
        NextHop b = ecmp.resolve(paths("10.0.0.2", "10.0.0.3"), 2);
        writer.replace(Ipv4Prefix.parse("198.51.100.0/24"), b, 2);
        writer.flush();
        assertThat(results.allOk()).isTrue();
        assertThat(a).isEqualTo(b);
        ecmp.release(a, 3);
        writer.delete(P, 3);
        writer.flush();
        assertThat(ns.ipJson("nexthop", "show", "id", "" + ((NextHop.Object) b).id())).hasSize(1);
    }

    @Test
    void fallbackWritesRtaMultipathForIpv4AndIpv6AndShrinks() throws IOException {
        EcmpNexthops ecmp = new EcmpNexthops(writer, 1_000_000, false);
        writer.replace(P, ecmp.resolve(paths("10.0.0.2", "10.0.0.3", "10.0.0.4"), 1), 1);
        Ipv6Prefix p6 = Ipv6Prefix.parse("2001:db8:100::/48");
        writer.replace(p6, ecmp.resolve(paths("2001:db8::2", "2001:db8::3"), 2), 2);
        writer.flush();
        assertThat(results.allOk()).as("%s", results.all).isTrue();
        assertThat(ns.routes(false, TABLE, OWNER.protocol()).get(0).get("nexthops").findValuesAsText("gateway"))
                .containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4");
        assertThat(ns.routes(true, TABLE, OWNER.protocol()).get(0).get("nexthops").findValuesAsText("gateway"))
                .containsExactly("2001:db8::2", "2001:db8::3");

        writer.replace(P, ecmp.resolve(paths("10.0.0.3", "10.0.0.4"), 3), 3);
        writer.flush();
        assertThat(results.of(3).errno()).isZero();
        JsonNode routes = ns.routes(false, TABLE, OWNER.protocol());
        assertThat(routes).hasSize(1);
        assertThat(routes.get(0).get("nexthops").findValuesAsText("gateway")).containsExactly("10.0.0.3", "10.0.0.4");
        assertThat(writer.dumpRoutes(dev.podbgp.fib.netlink.Rtnetlink.AF_INET).get(0).multipath())
                .containsExactly(Ipv4Address.parse("10.0.0.3"), Ipv4Address.parse("10.0.0.4"));
        assertThat(ns.ipJson("nexthop", "show")).isEmpty();
    }
}
