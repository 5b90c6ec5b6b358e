package dev.podbgp.fib.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.fib.TestNamespace;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route monitor's kernel-side filter, on real notifications in a throw-away namespace (root). */
class SocketFilterTest {

    private static final int OURS = 244;

    @Test
    void dropsOnlyOurOwnAdditionsOfNonDefaultRoutes() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket socket = ns.namespace().call(NetlinkSocket::open);
             Arena arena = Arena.ofConfined()) {
            socket.joinGroup(Rtnetlink.RTNLGRP_IPV4_ROUTE);
            socket.attachFilter(SocketFilter.dropOwnRouteAdditions(OURS));
            socket.setReceiveTimeout(200);

            ns.ip("route", "add", "198.51.100.0/24", "via", "10.0.0.2", "proto", "244", "table", "100");
            ns.ip("route", "add", "198.51.101.0/24", "via", "10.0.0.2", "proto", "245", "table", "100");
            ns.ip("route", "add", "default", "via", "10.0.0.2", "proto", "244", "table", "100");
            ns.ip("route", "del", "198.51.100.0/24", "table", "100");

            List<String> seen = new ArrayList<>();
            MemorySegment buffer = arena.allocate(64 * 1024, 8);
            for (int n; (n = socket.receive(buffer)) > 0; ) {
                for (int at = 0, length; (length = Messages.length(buffer, at, n)) > 0; at += Rtnetlink.align(length)) {
                    int rtm = at + Rtnetlink.NLMSG_HDRLEN;
                    String kind = Messages.type(buffer, at) == Rtnetlink.RTM_NEWROUTE ? "new" : "del";
                    seen.add(kind + " proto " + Messages.u8(buffer, rtm + 5) + " /" + Messages.u8(buffer, rtm + 1));
                }
            }
            assertThat(seen).containsExactly("new proto 245 /24", "new proto 244 /0", "del proto 244 /24");
        }
    }

    @Test
    void packsAnInstructionsFieldsIntoOneLong() {
        // code 0x15, jt 1, jf 2, k 0x01020304.
        assertThat(SocketFilter.instruction(0x15, 1, 2, 0x01020304)).isEqualTo(0x0102030402010015L);
    }

}
