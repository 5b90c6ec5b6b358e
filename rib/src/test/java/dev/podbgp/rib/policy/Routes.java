package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.bgp.wire.attr.NextHop;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;

/** Small builders for test routes. */
final class Routes {

    static final long LOCAL_AS = 64512;
    static final PolicyContext EBGP = PolicyContext.of(IpAddress.parse("192.0.2.1"), 65001, LOCAL_AS);
    static final PolicyContext IBGP = PolicyContext.of(IpAddress.parse("10.0.0.2"), LOCAL_AS, LOCAL_AS);

    private Routes() {
    }

    static Prefix p(String text) {
        return Prefix.parse(text);
    }

    static PathAttributes path(long... asns) {
        return PathAttributes.of(Origin.IGP, AsPath.ofSequence(asns), new NextHop(Ipv4Address.parse("192.0.2.1")));
    }

    static PathAttributes withCommunities(PathAttributes a, String... communities) {
        int[] v = new int[communities.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Community.parse(communities[i]).value();
        }
        return a.with(Communities.of(v));
    }

    static PathAttributes withLarge(PathAttributes a, String... communities) {
        long[] v = new long[3 * communities.length];
        for (int i = 0; i < communities.length; i++) {
            LargeCommunity c = LargeCommunity.parse(communities[i]);
            v[3 * i] = c.global();
            v[3 * i + 1] = c.local1();
            v[3 * i + 2] = c.local2();
        }
        return a.with(LargeCommunities.of(v));
    }
}
