package dev.podbgp.interop;

import static dev.podbgp.interop.Interop.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.EnhancedRouteRefresh;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.interop.PodbgpPair.Ases;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.exabgp.ExabgpPeer;
import dev.podbgp.lab.peer.Neighbor;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** ExaBGP 4.2.21: every message it received is a JSON line of its API, numbered in order. */
record ExabgpInterop(ExabgpPeer daemon, IpAddress pod) implements InteropPeer {

    static final Kind KIND = new Kind("ExaBGP 4.2.21", "exabgp", new Ases(Interop.AS4, 65020),
            EnumSet.of(Feature.ASKS_REFRESH), ExabgpInterop::start);

    /** RFC 6793: a 4-octet AS goes in the capability, AS_TRANS in the OPEN's 2-octet field. */
    private static final long AS_TRANS = 23456;

    /** Explicit next hops: over a session of the other family, "self" would be the wrong family. */
    static ExabgpInterop start(PodbgpPair pair, AddressFamily transport, Ases ases, UnaryOperator<Neighbor> neighbor) {
        return new ExabgpInterop(ExabgpPeer.start(pair.peer(), pair.peerConfig(transport, ases, neighbor, pair::viaPeer)),
                pair.podAddress(transport));
    }

    @Override
    public void assertSawOurAs(long podAs) {
        JsonNode open = daemon.messages("open").getLast().path("neighbor").path("open");
        assertThat(open.path("asn").asLong()).isEqualTo(podAs > 0xFFFF ? AS_TRANS : podAs);
        assertThat(open.path("capabilities").path("65").path("asn4").asLong()).isEqualTo(podAs);
    }

    @Override
    public void awaitEndOfRib() {
        Await.until("ExaBGP receiving our End-of-RIB for both families", ROUTE,
                () -> endOfRibs().equals(Set.of("ipv4 unicast", "ipv6 unicast")), daemon::logs);
    }

    /** The End-of-RIB markers ExaBGP received, as "afi safi" ({@code "message": {"eor": {...}}}). */
    private Set<String> endOfRibs() {
        return daemon.messages("update").stream().map(l -> l.path("neighbor").path("message").path("eor"))
                .filter(n -> !n.isMissingNode())
                .map(n -> n.path("afi").asText() + " " + n.path("safi").asText())
                .collect(Collectors.toSet());
    }

    @Override
    public void assertGotRefreshRequests(List<Family> asked) {
        // ExaBGP answers a refresh before its API helper has written the line for it: wait for the lines.
        Await.until("ExaBGP logging our ROUTE-REFRESH for " + asked, ROUTE,
                () -> daemon.messages("refresh").size() >= asked.size(), () -> daemon.messages("refresh").toString());
        assertThat(daemon.messages("refresh")).extracting(ExabgpInterop::refresh)
                .containsExactlyElementsOf(asked.stream().map(f -> f + " query").toList());
    }

    /**
     * ExaBGP 4.2.21 drops the session when it answers a refresh on a session with enhanced route
     * refresh (RFC 7313) negotiated: its peer loop fails with "Broken TCP connection" right after
     * the request. So podbgp asks over a session where it advertises plain route refresh only.
     */
    @Override
    public PeerConfig forOurRefresh(PeerConfig config) {
        SessionConfig s = config.session();
        return config.withSession(s.withCapabilities(
                s.capabilities().stream().filter(c -> !(c instanceof EnhancedRouteRefresh)).toList(), List.of()));
    }

    /** One "up" line since the start: the session never went down and came back. */
    @Override
    public void assertUnbroken() {
        InteropPeer.super.assertUnbroken();
        assertThat(daemon.messages("state").stream().filter(l -> l.path("neighbor").path("state").asText().equals("up")))
                .hasSize(1);
    }

    /**
     * RFC 7313 §4: for each family ExaBGP asks, and we answer with BoRR, our routes of that
     * family, EoRR; the re-announcement lies between the two markers (ExaBGP numbers its API lines).
     */
    @Override
    public void askRefreshAndAwaitAnswer() {
        for (Prefix prefix : List.of(PodbgpPair.OUR_V4.prefix(), PodbgpPair.OUR_V6.prefix())) {
            Family family = prefix.family() == AddressFamily.IPV4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
            int seen = daemon.messages("refresh").size();
            long before = announcements(prefix);
            assertThat(daemon.send("announce route-refresh " + family)).isEqualTo("done");
            Await.until("ExaBGP receiving " + prefix + " again between BoRR and EoRR", ROUTE,
                    () -> announcements(prefix) > before && daemon.messages("refresh").size() >= seen + 2,
                    daemon::logs);
            List<JsonNode> markers = daemon.messages("refresh").subList(seen, seen + 2);
            assertThat(markers).extracting(ExabgpInterop::refresh).containsExactly(family + " begin", family + " end");
            long begin = markers.get(0).path("counter").asLong();
            long end = markers.get(1).path("counter").asLong();
            assertThat(daemon.messages("update").stream()
                    .filter(l -> l.path("counter").asLong() > begin && l.path("counter").asLong() < end)
                    .map(l -> l.path("neighbor").path("message").path("update").path("announce").toString()))
                    .anyMatch(a -> a.contains("\"nlri\":\"" + prefix + "\""));
        }
    }

    /** How many UPDATEs ExaBGP received that announce {@code prefix}. */
    private long announcements(Prefix prefix) {
        return daemon.messages("update").stream()
                .map(l -> l.path("neighbor").path("message").path("update").path("announce"))
                .filter(a -> a.toString().contains("\"nlri\":\"" + prefix + "\""))
                .count();
    }

    private static String refresh(JsonNode line) {
        JsonNode r = line.path("neighbor").path("route-refresh");
        return r.path("afi").asText() + " " + r.path("safi").asText() + " " + r.path("subtype").asText();
    }
}
