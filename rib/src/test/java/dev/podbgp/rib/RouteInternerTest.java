package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import org.junit.jupiter.api.Test;

class RouteInternerTest {

    private final RouteInterner interner = new RouteInterner();
    private final PeerInfo tor1 = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private final PeerInfo tor2 = ebgp(2, "192.0.2.2", 64512, "10.0.0.2");
    private final PathAttributes a = path(64512, 64600).med(5).build();
    private final PathAttributes b = path(64512, 64601).med(5).build();

    @Test
    void equalRoutesShareOneInstance() {
        Route first = interner.intern(tor1, 0, a, ip("192.0.2.1"));
        Route other = interner.intern(tor1, 0, b, ip("192.0.2.1"));
        // Not the last one interned: the lookup goes through the table, not the last-hit check.
        assertThat(interner.intern(tor1, 0, a, ip("192.0.2.1"))).isSameAs(first);
        assertThat(interner.intern(tor1, 0, b, ip("192.0.2.1"))).isSameAs(other);
        assertThat(first).isEqualTo(new Route(tor1, 0, a, ip("192.0.2.1")));
        assertThat(interner.size()).isEqualTo(2);
    }

    @Test
    void routesDifferingInAnyComponentStayDistinct() {
        Route r = interner.intern(tor1, 0, a, ip("192.0.2.1"));
        Route[] others = {
            interner.intern(tor2, 0, a, ip("192.0.2.1")),
            interner.intern(tor1, 7, a, ip("192.0.2.1")),
            interner.intern(tor1, 0, b, ip("192.0.2.1")),
            interner.intern(tor1, 0, a, ip("192.0.2.9")),
        };
        for (Route o : others) {
            assertThat(o).isNotEqualTo(r).isNotSameAs(r);
        }
        assertThat(interner.size()).isEqualTo(5);
    }

    @Test
    void manyDistinctRoutesSurviveTableGrowth() {
        Route[] routes = new Route[1000];
        for (int i = 0; i < routes.length; i++) {
            routes[i] = interner.intern(tor1, i, a, ip("192.0.2.1"));
        }
        for (int i = routes.length - 1; i >= 0; i--) {
            Route again = interner.intern(tor1, i, a, ip("192.0.2.1"));
            assertThat(again).isSameAs(routes[i]);
            assertThat(again.pathId()).isEqualTo(i);
        }
        assertThat(interner.size()).isEqualTo(1000);
    }
}
