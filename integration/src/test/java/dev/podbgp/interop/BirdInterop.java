package dev.podbgp.interop;

import static dev.podbgp.interop.Interop.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.interop.PodbgpPair.Ases;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.peer.Neighbor;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * BIRD 2.0.12: {@code show protocols all} and its packet trace are the read-back. BIRD takes the
 * 4-octet AS on eBGP, so between FRR and BIRD both directions of RFC 6793 are covered.
 */
record BirdInterop(BirdPeer daemon, IpAddress pod) implements InteropPeer {

    static final Kind KIND = new Kind("BIRD 2.0.12", "bird", new Ases(65001, Interop.AS4),
            EnumSet.of(Feature.ASKS_REFRESH, Feature.RESENDS_TABLE, Feature.MD5, Feature.SHUTDOWN_MESSAGE),
            BirdInterop::start);

    static BirdInterop start(PodbgpPair pair, AddressFamily transport, Ases ases, UnaryOperator<Neighbor> neighbor) {
        return new BirdInterop(BirdPeer.start(pair.peer(), pair.peerConfig(transport, ases, neighbor, r -> r)),
                pair.podAddress(transport));
    }

    /** "Neighbor AS:" is configured, but an OPEN from another AS would not have come up (Bad Peer AS). */
    @Override
    public void assertSawOurAs(long podAs) {
        assertThat(daemon.protocol(pod).lines().map(String::strip)).contains("Neighbor AS:      " + podAs);
    }

    /** BIRD gives a route learned without LOCAL_PREF its default of 100. */
    @Override
    public OptionalLong localPrefOfEbgpRoutes() {
        return OptionalLong.of(100);
    }

    /** Its trace names no family: two markers. */
    @Override
    public void awaitEndOfRib() {
        Await.until("BIRD receiving End-of-RIB from podbgp for both families", ROUTE,
                () -> daemon.endOfRibsReceived(pod) == 2, daemon::logs);
    }

    @Override
    public void assertGotRefreshRequests(List<Family> asked) {
        assertThat(daemon.received(pod, "ROUTE-REFRESH")).isGreaterThanOrEqualTo(asked.size());
    }

    /** "reload in" sends ROUTE-REFRESH for each channel; our answer shows in each channel's import counters. */
    @Override
    public void askRefreshAndAwaitAnswer() {
        String before = daemon.protocol(pod);
        daemon.birdc("reload in n1");
        Await.until("BIRD importing our routes again after its route refresh", ROUTE,
                () -> importUpdatesReceived(daemon.protocol(pod), "ipv4") > importUpdatesReceived(before, "ipv4")
                        && importUpdatesReceived(daemon.protocol(pod), "ipv6") > importUpdatesReceived(before, "ipv6"),
                () -> daemon.protocol(pod));
    }

    /** "reload out" is no message to us: BIRD just sends its table again. */
    @Override
    public void resendTable() {
        daemon.birdc("reload out n1");
    }

    @Override
    public long opensReceived() {
        return daemon.received(pod, "OPEN");
    }

    /** BIRD shows the RFC 9003 communication under the protocol and the Cease subcode as its last error. */
    @Override
    public void awaitShutdownMessage(String message) {
        Await.until("BIRD showing our shutdown communication", ROUTE,
                () -> daemon.protocol(pod).lines().anyMatch(l -> l.strip().equals("Message:        " + message)),
                () -> daemon.protocol(pod));
        assertThat(daemon.protocol(pod)).contains("Last error:       Received: Administrative shutdown");
        assertThat(daemon.logs()).contains("Received: Administrative shutdown: \"" + message + "\"");
    }

    /**
     * The "received" column of "Import updates:" under {@code Channel <name>} in
     * {@code show protocols all}: UPDATEs (announcements) BIRD took in on that channel.
     */
    static long importUpdatesReceived(String protocolAll, String channel) {
        boolean inChannel = false;
        for (String line : protocolAll.lines().toList()) {
            String l = line.strip();
            if (l.startsWith("Channel ")) {
                inChannel = l.equals("Channel " + channel);
            } else if (inChannel && l.startsWith("Import updates:")) {
                return Long.parseLong(l.substring("Import updates:".length()).strip().split("\\s+")[0]);
            }
        }
        throw new AssertionError("no Import updates line for channel " + channel + " in:\n" + protocolAll);
    }
}
