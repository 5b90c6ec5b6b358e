package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static dev.podbgp.interop.Interop.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.interop.PodbgpPair.Ases;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Json;
import dev.podbgp.lab.gobgp.GobgpPeer;
import dev.podbgp.lab.peer.Neighbor;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * GoBGP 3.10: {@code gobgp neighbor X -j} is the read-back. GoBGP cannot ask us for a refresh:
 * {@code gobgp neighbor X softresetin} re-runs import policy over its own Adj-RIB-In and sends
 * no ROUTE-REFRESH (GoBGP 3 softResetIn), so it declares no {@link Feature#ASKS_REFRESH}.
 */
record GobgpInterop(GobgpPeer daemon, IpAddress pod) implements InteropPeer {

    static final Kind KIND = new Kind("GoBGP 3.10", "gobgp", new Ases(Interop.AS4, 65010),
            EnumSet.noneOf(Feature.class), GobgpInterop::start);

    /** Explicit next hops: over a session of the other family, "self" would be the wrong family. */
    static GobgpInterop start(PodbgpPair pair, AddressFamily transport, Ases ases, UnaryOperator<Neighbor> neighbor) {
        return new GobgpInterop(GobgpPeer.start(pair.peer(), pair.peerConfig(transport, ases, neighbor, pair::viaPeer)),
                pair.podAddress(transport));
    }

    private JsonNode neighbor() {
        return Json.parse(daemon.gobgp("neighbor", pod.toString(), "-j"));
    }

    @Override
    public void assertSawOurAs(long podAs) {
        assertThat(neighbor().path("state").path("peer_asn").asLong()).isEqualTo(podAs);
    }

    @Override
    public void awaitEndOfRib() {
        Await.until("GoBGP receiving our End-of-RIB for both families", ROUTE,
                () -> daemon.endOfRibReceived(pod).equals(EnumSet.of(IPV4, IPV6)), daemon::logs);
    }

    @Override
    public void assertGotRefreshRequests(List<Family> asked) {
        assertThat(daemon.messagesReceived(pod, "refresh")).isGreaterThanOrEqualTo(asked.size());
    }
}
