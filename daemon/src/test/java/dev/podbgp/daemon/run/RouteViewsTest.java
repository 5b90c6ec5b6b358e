package dev.podbgp.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.daemon.control.RouteView;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerScope;
import dev.podbgp.rib.Rib;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code show routes} lists a prefix the node originates differently per peer as what each peer is sent. */
class RouteViewsTest {

    private static final Prefix SERVICE = Prefix.parse("192.0.2.1/32");
    private static final IpAddress TOR1 = IpAddress.parse("10.0.0.1");
    private static final IpAddress TOR2 = IpAddress.parse("10.0.1.1");
    private static final IpAddress TOR3 = IpAddress.parse("10.0.2.1");

    private final Rib rib = new Rib(Ipv4Address.parse("192.0.2.254"), BestPathOptions.defaults(65000));

    @Test
    void aScopedOriginationShowsOneRowPerAttributeSetWithItsPeers() {
        rib.originate(SERVICE, med(10));
        rib.originate(SERVICE, med(20), PeerScope.Peers.of(Set.of(TOR1, TOR2)));
        rib.withdrawOriginated(SERVICE, PeerScope.Peers.of(Set.of(TOR3)));

        List<RouteView> rows = RouteViews.of(rib, Optional.empty());
        assertThat(rows).extracting(RouteView::med).containsExactly(10L, 20L);
        assertThat(rows.get(0).onlyTo()).isEmpty();
        assertThat(rows.get(0).notTo()).containsExactly("10.0.0.1", "10.0.1.1", "10.0.2.1");
        assertThat(rows.get(1).onlyTo()).containsExactly("10.0.0.1", "10.0.1.1");
        assertThat(rows).allSatisfy(r -> assertThat(r.fromPeer()).isEqualTo("local"));
    }

    @Test
    void aRouteForEveryPeerIsOneRowWithoutScope() {
        rib.originate(SERVICE, med(10));
        assertThat(RouteViews.of(rib, Optional.empty())).singleElement()
                .satisfies(r -> assertThat(r.scoped()).isFalse());
    }

    private static PathAttributes med(long value) {
        return PathAttributes.of(Origin.IGP, new MultiExitDisc(value));
    }
}
