package dev.podbgp.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.config.ConfigLoader;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.daemon.speaker.LinkScopes;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.nd.LinkNeighbor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Which neighbour an interface peer is at, driven by heard advertisements and an injected clock. The
 * discovery threads are given a factory whose threads never run, so no socket is opened.
 */
class InterfacePeeringTest {

    private static final Ipv6Address FIRST = Ipv6Address.parse("fe80::1");
    private static final Ipv6Address SECOND = Ipv6Address.parse("fe80::2");

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger changes = new AtomicInteger();
    private final LinkScopes scopes = new LinkScopes();
    private final InterfacePeering peering = new InterfacePeering(scopes, r -> Thread.ofPlatform().unstarted(() -> { }),
            changes::incrementAndGet, now::get);

    private static DesiredState state() throws Exception {
        return ConfigLoader.parse("podbgp.yaml", """
                node: {asn: 65001, routerId: 192.0.2.11}
                listen: {address: "::"}
                peers:
                  - {interface: eth0, asn: 65100}
                """, Path.of(".")).state();
    }

    private static LinkNeighbor heard(Ipv6Address a, int ifindex) {
        return new LinkNeighbor("eth0", ifindex, a, LinkNeighbor.HeardFrom.ROUTER_ADVERTISEMENT);
    }

    @Test
    void theFirstNeighbourHeard_becomesThePeer_andIsKeptWhileItAdvertises() throws Exception {
        DesiredState s = state();
        peering.converge(s);
        assertThat(peering.effective(s).peers()).isEmpty();

        peering.heard(heard(FIRST, 4));
        assertThat(changes).hasValue(1);
        assertThat(peering.effective(s).peers()).singleElement().satisfies(p -> {
            assertThat(p.address()).isEqualTo(FIRST);
            assertThat(p.interfaceName()).contains("eth0");
        });
        assertThat(scopes.ifindex(FIRST)).isEqualTo(4);

        // Its next advertisements change nothing; another router on the link is not taken while the first speaks.
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        peering.heard(heard(FIRST, 4));
        peering.heard(heard(SECOND, 4));
        assertThat(changes).hasValue(1);
        assertThat(peering.neighbor("eth0")).contains(FIRST);
    }

    @Test
    void aSilentNeighbour_isReplacedByTheNextOneHeard() throws Exception {
        peering.converge(state());
        peering.heard(heard(FIRST, 4));
        now.addAndGet(InterfacePeering.STALE.toNanos());
        peering.heard(heard(SECOND, 4));
        assertThat(changes).hasValue(2);
        assertThat(peering.neighbor("eth0")).contains(SECOND);
        assertThat(scopes.ifindex(FIRST)).isZero();
        assertThat(scopes.ifindex(SECOND)).isEqualTo(4);
    }

    @Test
    void theInterfaceRecreated_withANewIndex_isAChange() throws Exception {
        peering.converge(state());
        peering.heard(heard(FIRST, 4));
        now.addAndGet(InterfacePeering.STALE.toNanos());
        peering.heard(heard(FIRST, 9));
        assertThat(changes).hasValue(2);
        assertThat(scopes.ifindex(FIRST)).isEqualTo(9);
    }

    @Test
    void aPeerRemovedFromTheConfig_forgetsItsNeighbour() throws Exception {
        DesiredState s = state();
        peering.converge(s);
        peering.heard(heard(FIRST, 4));
        DesiredState without = ConfigLoader.parse("podbgp.yaml", "node: {asn: 65001, routerId: 192.0.2.11}\n", Path.of(".")).state();
        peering.converge(without);
        assertThat(peering.neighbor("eth0")).isEmpty();
        assertThat(scopes.ifindex(FIRST)).isZero();
        peering.heard(heard(FIRST, 4));
        assertThat(changes).hasValue(1);
    }
}
