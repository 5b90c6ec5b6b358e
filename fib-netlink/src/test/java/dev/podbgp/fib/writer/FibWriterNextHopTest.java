package dev.podbgp.fib.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.fib.netlink.Errno;
import dev.podbgp.fib.route.NextHop;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Next hops that change, and ECMP sets the kernel must be told the interface of (issue 15), against a real kernel:
 * every change is one replace (the monitor sees no deletion), reported to the listener, and a route that cannot be
 * written is that route's failure, never the writer's end.
 */
class FibWriterNextHopTest extends WriterInNamespace {

    private static final Ipv6Prefix V6 = Ipv6Prefix.parse("2001:db8:77::/64");
    private static final Ipv4Prefix V4 = Ipv4Prefix.parse("192.0.2.0/24");

    private final List<String> changes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private final FibListener recorder = new FibListener() {
        @Override
        public void onFailure(Prefix prefix, int errno, String reason, int attempt) {
            failures.add(prefix + " " + Errno.name(errno) + " " + reason);
        }

        @Override
        public void onNextHopChanged(Prefix prefix, NextHop from, NextHop to) {
            changes.add(prefix + " " + from + " -> " + to);
        }
    };

    private static NextHop.Gateway via(String address, int ifindex) {
        return new NextHop.Gateway(IpAddress.parse(address), ifindex, false);
    }

    private JsonNode route(boolean ipv6) throws Exception {
        JsonNode routes = ns.routes(ipv6, TABLE, OWNER.protocol());
        assertThat(routes).hasSize(1);
        return routes.get(0);
    }

    @Test
    void aLinkLocalNextHopIsInstalledThroughItsInterface() throws Exception {
        int d0 = ns.ifindex("d0");
        open(FibConfig.defaults(), recorder);
        fib.start();
        fib.install(V6, via("fe80::2", d0));
        awaitWritten();
        JsonNode r = route(true);
        assertThat(r.get("gateway").asText()).isEqualTo("fe80::2");
        assertThat(r.get("dev").asText()).isEqualTo("d0");
        assertThat(failures).isEmpty();
    }

    @Test
    void aLinkLocalNextHopWithoutItsInterfaceFailsThatRouteAlone() throws Exception {
        open(FibConfig.defaults(), recorder);
        fib.start();
        fib.install(V6, via("fe80::2", 0));
        fib.install(V4, via("10.0.0.2", 0));
        awaitWritten();
        eventually(() -> assertThat(failures).anyMatch(f -> f.startsWith(V6 + " ")));
        assertThat(route(false).get("gateway").asText()).isEqualTo("10.0.0.2");
        assertThat(fib.failure()).isNull();
    }

    @Test
    void gatewayChangesAreReplacedInPlaceAndReported() throws Exception {
        int d0 = ns.ifindex("d0");
        open(FibConfig.defaults(), recorder);
        fib.start();
        fib.install(V6, via("2001:db8::2", 0));
        awaitWritten();
        assertThat(route(true).get("gateway").asText()).isEqualTo("2001:db8::2");

        // Global to link-local, as when a directly connected peer's path wins.
        fib.install(V6, via("fe80::2", d0));
        awaitWritten();
        assertThat(route(true).get("gateway").asText()).isEqualTo("fe80::2");
        // Same next hop again: nothing changed, nothing reported.
        fib.install(V6, via("fe80::2", d0));
        awaitWritten();
        // Link-local to an ECMP set of two link-local paths (nexthop objects: they name their interface).
        fib.install(V6, new NextHop.Multipath(List.of(via("fe80::2", d0), via("fe80::3", d0))));
        awaitWritten();
        int group = route(true).get("nhid").asInt();
        assertThat(ns.ipJson("-6", "nexthop", "show", "id", "" + group).get(0).get("group")).hasSize(2);
        // Back to one global path; the group goes once no route uses it.
        fib.install(V6, via("2001:db8::3", 0));
        awaitWritten();
        assertThat(route(true).get("gateway").asText()).isEqualTo("2001:db8::3");
        assertThat(ns.ipJson("nexthop", "show").findValuesAsText("id")).doesNotContain("" + group);

        assertThat(changes).hasSize(3);
        assertThat(changes.getFirst()).startsWith(V6 + " ").contains("2001:db8::2").contains("fe80::2");
        assertThat(failures).isEmpty();
        // A replace, never a deletion and an add: the monitor saw no route of ours go.
        assertThat(fib.deletionsSeen()).isZero();
    }

    @Test
    void anEcmpSetOfGatewaysWithoutInterfaceIsWrittenInline() throws Exception {
        open(FibConfig.defaults(), recorder);
        fib.start();
        fib.install(V4, new NextHop.Multipath(List.of(via("10.0.0.2", 0), via("10.0.0.3", 0))));
        fib.install(V6, new NextHop.Multipath(List.of(via("2001:db8::2", 0), via("2001:db8::3", 0))));
        awaitWritten();
        for (boolean ipv6 : new boolean[] {false, true}) {
            JsonNode r = route(ipv6);
            assertThat(r.has("nhid")).as("written as a nexthop object: %s", r).isFalse();
            assertThat(r.get("nexthops")).hasSize(2);
            assertThat(r.get("nexthops").findValuesAsText("dev")).containsOnly("d0");
        }
        assertThat(ns.ipJson("nexthop", "show")).isEmpty();
        // Growing the set, then moving one route to another: replaced in place, the writer still going.
        fib.install(V4, new NextHop.Multipath(List.of(via("10.0.0.2", 0), via("10.0.0.3", 0), via("10.0.0.4", 0))));
        fib.install(V6, via("2001:db8::4", 0));
        awaitWritten();
        assertThat(route(false).get("nexthops")).hasSize(3);
        assertThat(route(true).get("gateway").asText()).isEqualTo("2001:db8::4");
        assertThat(changes).hasSize(2);
        assertThat(failures).isEmpty();
        assertThat(fib.deletionsSeen()).isZero();
    }

    @Test
    void aRouteThatCannotBeEncodedIsRefusedAloneAndTheWriterGoesOn() throws Exception {
        int d0 = ns.ifindex("d0");
        List<NextHop.Gateway> tooMany = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            tooMany.add(via("10.0.0." + (10 + i), d0));
        }
        open(FibConfig.defaults(), recorder);
        fib.start();
        fib.install(V4, new NextHop.Multipath(tooMany));
        fib.install(V6, via("2001:db8::2", 0));
        awaitWritten();
        eventually(() -> assertThat(failures).anyMatch(f -> f.startsWith(V4 + " EINVAL")));
        assertThat(route(true).get("gateway").asText()).isEqualTo("2001:db8::2");
        // Still writing: the refused prefix gets a route it can have.
        fib.install(V4, via("10.0.0.2", 0));
        awaitWritten();
        eventually(() -> assertThat(ns.routes(false, TABLE, OWNER.protocol())).hasSize(1));
        assertThat(route(false).get("gateway").asText()).isEqualTo("10.0.0.2");
        assertThat(fib.failure()).isNull();
    }
}
