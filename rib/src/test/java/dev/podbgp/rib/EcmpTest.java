package dev.podbgp.rib;

import static dev.podbgp.rib.Fixtures.LOCAL_AS;
import static dev.podbgp.rib.Fixtures.ebgp;
import static dev.podbgp.rib.Fixtures.ibgp;
import static dev.podbgp.rib.Fixtures.ip;
import static dev.podbgp.rib.Fixtures.path;
import static dev.podbgp.rib.Fixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ECMP: routes equal through the eBGP/iBGP step share forwarding, up to maxPaths. */
class EcmpTest {

    private final BestPathOptions four = BestPathOptions.defaults(LOCAL_AS).withMaxPaths(4);

    // Two ToRs in one AS (the common pod-network fabric) and a third in another AS.
    private final PeerInfo tor1 = ebgp(1, "192.0.2.1", 64512, "10.0.0.1");
    private final PeerInfo tor2 = ebgp(2, "192.0.2.2", 64512, "10.0.0.2");
    private final PeerInfo tor3 = ebgp(3, "192.0.2.3", 64513, "10.0.0.3");

    @Test
    void identicalAsPathsShareForwarding() {
        Route r1 = route(tor1, path(64512, 64600).build());
        Route r2 = route(tor2, path(64512, 64600).build());
        Decision d = new BestPath(four).select(new Route[] {r2, r1}, 2);
        assertThat(d.best()).isEqualTo(r1);
        assertThat(d.multipath()).containsExactly(r1, r2);
        assertThat(d.nextHops()).containsExactly(ip("192.0.2.1"), ip("192.0.2.2"));
    }

    @Test
    void differentAsPathsOfEqualLengthNeedMultipathRelax() {
        Route r1 = route(tor1, path(64512, 64600).build());
        Route r3 = route(tor3, path(64513, 64600).build());
        Decision strict = new BestPath(four).select(new Route[] {r1, r3}, 2);
        assertThat(strict.multipath()).containsExactly(r1);
        assertThat(strict.nextHops()).containsExactly(ip("192.0.2.1"));

        Decision relaxed = new BestPath(four.withMultipathRelax(true)).select(new Route[] {r3, r1}, 2);
        assertThat(relaxed.best()).isEqualTo(r1);
        assertThat(relaxed.multipath()).containsExactly(r1, r3);
        assertThat(relaxed.nextHops()).containsExactly(ip("192.0.2.1"), ip("192.0.2.3"));
    }

    @Test
    void multipathRelaxStillNeedsEqualLength() {
        Route r1 = route(tor1, path(64512, 64600).build());
        Route r3 = route(tor3, path(64513, 64601, 64600).build());
        Decision d = new BestPath(four.withMultipathRelax(true)).select(new Route[] {r1, r3}, 2);
        assertThat(d.multipath()).containsExactly(r1);
    }

    @Test
    void aWorseMedInTheSameAsIsNotEqualCost() {
        Route r1 = route(tor1, path(64512).med(10).build());
        Route r2 = route(tor2, path(64512).med(20).build());
        Decision d = new BestPath(four).select(new Route[] {r1, r2}, 2);
        assertThat(d.multipath()).containsExactly(r1);
    }

    @Test
    void ibgpRoutesAreNotEqualToEbgpRoutes() {
        PeerInfo mesh = ibgp(4, "192.0.2.4", "10.0.0.4");
        Route r1 = route(tor1, path(64512).build());
        Route r4 = route(mesh, path(64512).build());
        Decision d = new BestPath(four).select(new Route[] {r4, r1}, 2);
        assertThat(d.multipath()).containsExactly(r1);
    }

    @Test
    void maxPathsKeepsTheTieBreakWinners() {
        PeerInfo[] peers = new PeerInfo[6];
        Route[] routes = new Route[6];
        for (int i = 0; i < 6; i++) {
            // Router ids descend as addresses ascend: the tie-break, not arrival, picks the set.
            peers[i] = ebgp(i, "192.0.2." + (10 + i), 64512, "10.0.0." + (60 - i));
            routes[i] = route(peers[i], path(64512).build());
        }
        Decision d = new BestPath(BestPathOptions.defaults(LOCAL_AS).withMaxPaths(3)).select(routes, 6);
        assertThat(d.best()).isEqualTo(routes[5]);
        assertThat(d.multipath()).containsExactly(routes[5], routes[4], routes[3]);
    }

    @Test
    void maxPathsOneMeansNoEcmp() {
        Route r1 = route(tor1, path(64512).build());
        Route r2 = route(tor2, path(64512).build());
        Decision d = new BestPath(BestPathOptions.defaults(LOCAL_AS)).select(new Route[] {r1, r2}, 2);
        assertThat(d.multipath()).containsExactly(r1);
    }

    @Test
    void twoPathsWithOneNextHopInstallItOnce() {
        Route r1 = new Route(tor1, 1, path(64512).build(), ip("192.0.2.9"));
        Route r2 = new Route(tor1, 2, path(64512).build(), ip("192.0.2.9"));
        Decision d = new BestPath(four).select(new Route[] {r1, r2}, 2);
        assertThat(d.multipath()).hasSize(2);
        assertThat(d.nextHops()).containsExactly(ip("192.0.2.9"));
    }
}
