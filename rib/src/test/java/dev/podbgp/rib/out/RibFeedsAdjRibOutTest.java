package dev.podbgp.rib.out;

import static dev.podbgp.rib.out.OutFixtures.LOCAL_AS;
import static dev.podbgp.rib.out.OutFixtures.REFLECTOR;
import static dev.podbgp.rib.out.OutFixtures.ROUTER_ID;
import static dev.podbgp.rib.out.OutFixtures.attrs;
import static dev.podbgp.rib.out.OutFixtures.client;
import static dev.podbgp.rib.out.OutFixtures.ebgpPeer;
import static dev.podbgp.rib.out.OutFixtures.out;
import static dev.podbgp.rib.out.OutFixtures.p;
import static dev.podbgp.rib.out.Sent.announced;
import static dev.podbgp.rib.out.Sent.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;
import org.junit.jupiter.api.Test;

/** Adj-RIB-Out as a {@link dev.podbgp.rib.RibListener} of a real {@link Rib}. */
class RibFeedsAdjRibOutTest {

    @Test
    void routesLearnedAndOriginatedReachThePeersThroughTheRib() {
        Rib rib = new Rib(ROUTER_ID, BestPathOptions.defaults(LOCAL_AS));
        AdjRibOut ribOut = new AdjRibOut(REFLECTOR, rib);
        rib.addListener(ribOut);
        PeerInfo c1 = client(1, "10.0.0.1");
        PeerInfo c2 = client(2, "10.0.0.2");
        PeerInfo upstream = ebgpPeer(3, "192.0.2.3", 65003);
        rib.addPeer(c1, PeerImport.acceptAll(c1, LOCAL_AS));
        ribOut.addPeer(out(c1));
        ribOut.addPeer(out(c2));
        ribOut.addPeer(out(upstream));
        Sent sent = new Sent();
        ribOut.flush(sent);
        sent.clear();

        Prefix learned = p("10.1.0.0/24");
        Prefix podCidr = p("10.244.1.0/24");
        rib.announce(c1, learned, 0, attrs(AsPath.ofSequence(65010)), c1.address());
        rib.originate(podCidr, PathAttributes.of(Origin.IGP));
        ribOut.flush(sent);

        // Client 1 gets only the pod CIDR: the learned route is its own.
        assertThat(sent.updates(1)).flatExtracting(Sent::announced).containsExactly(podCidr);
        assertThat(sent.updates(2)).flatExtracting(Sent::announced).containsExactlyInAnyOrder(learned, podCidr);
        for (Update u : sent.updates(3)) {
            assertThat(u.attributes().asPath().firstAs()).isEqualTo(LOCAL_AS);
            assertThat(u.attributes().nextHop().address()).isEqualTo(OutFixtures.v4("10.0.0.1"));
        }
        sent.clear();

        rib.peerDown(c1);
        ribOut.removePeer(1);
        ribOut.flush(sent);
        assertThat(sent.updates(2)).singleElement().satisfies(u -> assertThat(withdrawn(u)).containsExactly(learned));
        assertThat(sent.updates(3)).singleElement().satisfies(u -> assertThat(withdrawn(u)).containsExactly(learned));
    }
}
