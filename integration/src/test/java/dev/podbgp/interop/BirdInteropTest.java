package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;
import static dev.podbgp.interop.PodbgpPair.AS4;
import static dev.podbgp.interop.PodbgpPair.OUR_V4;
import static dev.podbgp.interop.PodbgpPair.OUR_V6;
import static dev.podbgp.interop.PodbgpPair.PEER_V4;
import static dev.podbgp.interop.PodbgpPair.PEER_V6;
import static dev.podbgp.interop.PodbgpPair.REFUSED;
import static dev.podbgp.interop.PodbgpPair.ROUTE;
import static dev.podbgp.interop.PodbgpPair.UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bgp.session.DownReason;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import dev.podbgp.lab.podbgp.PodbgpNode;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** podbgp against BIRD 2.0.12 in network namespaces. */
@ExtendWith(LabExtension.class)
class BirdInteropTest {

    /** podbgp's AS towards BIRD on eBGP; BIRD takes the 4-octet one (FrrInteropTest does it the other way round). */
    static final long POD_AS = 65001;

    private static BirdPeer startBird(PodbgpPair pair, AddressFamily transport, long birdAs, long podAs,
                                      UnaryOperator<Neighbor> tweak) {
        IpAddress local = pair.peerAddress(transport);
        return BirdPeer.start(pair.peer(), PeerConfig.of(pair.peerAddress(IPV4).toString(), birdAs)
                .neighbor(tweak.apply(Neighbor.of(local, pair.podAddress(transport), podAs).families(IPV4, IPV6)))
                .route(PEER_V4).route(PEER_V6));
    }

    private static PodbgpNode startPodbgp(PodbgpPair pair, AddressFamily transport) {
        PodbgpNode podbgp = pair.startPodbgp(transport);
        podbgp.announce(OUR_V4);
        podbgp.announce(OUR_V6);
        return podbgp;
    }

    @Test
    void ebgpOverIpv4WithFourOctetPeerAsCarriesBothFamiliesBothWays(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "bird");
        IpAddress bird4 = pair.peerAddress(IPV4);
        BirdPeer bird = startBird(pair, IPV4, AS4, POD_AS, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, POD_AS, AS4, c -> c);

        podbgp.awaitEstablished(bird4, UP);
        bird.awaitEstablished(UP);
        assertThat(podbgp.peer(bird4).negotiated().orElseThrow().families()).containsExactlyInAnyOrderElementsOf(PodbgpPair.BOTH);
        assertThat(podbgp.peer(bird4).negotiated().orElseThrow().peerAs()).isEqualTo(AS4);
        awaitBirdEndOfRibs(bird, pair.podAddress(IPV4));
        pair.assertExchange(bird, podbgp, bird4, POD_AS, AS4);
    }

    @Test
    void ibgpOverIpv6TransportWithFourOctetAsCarriesBothFamiliesBothWays(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "bird");
        IpAddress bird6 = pair.peerAddress(IPV6);
        BirdPeer bird = startBird(pair, IPV6, AS4, AS4, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV6);
        pair.addPeer(podbgp, IPV6, AS4, AS4, c -> c);

        podbgp.awaitEstablished(bird6, UP);
        bird.awaitEstablished(UP);
        assertThat(podbgp.peer(bird6).negotiated().orElseThrow().families()).containsExactlyInAnyOrderElementsOf(PodbgpPair.BOTH);
        awaitBirdEndOfRibs(bird, pair.podAddress(IPV6));
        pair.assertExchange(bird, podbgp, bird6, AS4, AS4);
    }

    /** RFC 4724 §2: BIRD saw our End-of-RIB for both families (its trace names no family: two markers). */
    private static void awaitBirdEndOfRibs(BirdPeer bird, IpAddress pod) {
        Await.until("BIRD receiving End-of-RIB from podbgp for both families", ROUTE,
                () -> bird.endOfRibsReceived(pod) == 2, bird::logs);
    }

    @Test
    void routeRefreshWorksBothWaysWithoutResettingTheSession(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "bird");
        IpAddress bird4 = pair.peerAddress(IPV4);
        IpAddress pod4 = pair.podAddress(IPV4);
        BirdPeer bird = startBird(pair, IPV4, AS4, POD_AS, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        BgpPeer peer = pair.addPeer(podbgp, IPV4, POD_AS, AS4, c -> c);
        podbgp.awaitRoute(bird4, PEER_V4.prefix(), ROUTE);
        podbgp.awaitRoute(bird4, PEER_V6.prefix(), ROUTE);
        bird.awaitRoute(OUR_V4.prefix(), ROUTE);
        bird.awaitRoute(OUR_V6.prefix(), ROUTE);

        // We ask (RFC 2918): BIRD sends its table again.
        for (Family f : PodbgpPair.BOTH) {
            podbgp.forgetReceived(bird4);
            peer.requestRefresh(f);
            podbgp.awaitRoute(bird4, (f.equals(Family.IPV4_UNICAST) ? PEER_V4 : PEER_V6).prefix(), ROUTE);
        }

        // BIRD asks ("reload in" sends ROUTE-REFRESH for each channel): we answer with our routes again.
        String before = bird.protocol(pod4);
        bird.birdc("reload in n1");
        Await.until("BIRD importing our routes again after its route refresh", ROUTE,
                () -> importUpdatesReceived(bird.protocol(pod4), "ipv4") > importUpdatesReceived(before, "ipv4")
                        && importUpdatesReceived(bird.protocol(pod4), "ipv6") > importUpdatesReceived(before, "ipv6"),
                () -> bird.protocol(pod4));
        assertThat(bird.receivedRoutes()).containsKeys(OUR_V4.prefix(), OUR_V6.prefix());
        // "reload out" is no message to us: BIRD just sends its table again.
        podbgp.forgetReceived(bird4);
        bird.birdc("reload out n1");
        podbgp.awaitRoute(bird4, PEER_V4.prefix(), ROUTE);
        podbgp.awaitRoute(bird4, PEER_V6.prefix(), ROUTE);
        assertThat(podbgp.downs()).isEmpty();
        assertThat(podbgp.state(bird4)).isEqualTo(SessionState.ESTABLISHED);
        assertThat(bird.state(pod4)).isEqualTo(dev.podbgp.lab.peer.SessionState.ESTABLISHED);
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

    @Test
    void md5WithTheSamePasswordComesUp(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "bird");
        IpAddress bird4 = pair.peerAddress(IPV4);
        BirdPeer bird = startBird(pair, IPV4, AS4, POD_AS, n -> n.password("pbt-md5-secret"));
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, POD_AS, AS4, c -> c.withMd5Password("pbt-md5-secret"));

        podbgp.awaitEstablished(bird4, UP);
        bird.awaitEstablished(UP);
        bird.awaitRoute(OUR_V4.prefix(), ROUTE);
    }

    @Test
    void md5WithAnotherPasswordNeverComesUp(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "bird");
        IpAddress bird4 = pair.peerAddress(IPV4);
        IpAddress pod4 = pair.podAddress(IPV4);
        BirdPeer bird = startBird(pair, IPV4, AS4, POD_AS, n -> n.password("pbt-md5-secret"));
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, POD_AS, AS4, c -> c.withMd5Password("pbt-md5-other"));

        // RFC 2385 §2.0: segments with a wrong digest are dropped, so no connection is ever made.
        PodbgpPair.assertNever("a session with mismatched MD5 passwords reached Established", REFUSED,
                () -> podbgp.state(bird4).compareTo(SessionState.OPEN_SENT) >= 0
                        || bird.state(pod4) == dev.podbgp.lab.peer.SessionState.ESTABLISHED,
                () -> podbgp.describe() + bird.logs());
        // Not even TCP got through: no attempt of ours ever left Connect/Active with a connection.
        assertThat(podbgp.downs()).allSatisfy(d -> assertThat(d.from().hasConnection()).isFalse());
    }

    @Test
    void frozenPeerIsDroppedByTheHoldTimerAndComesBackAfterThaw(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "bird");
        IpAddress bird4 = pair.peerAddress(IPV4);
        BirdPeer bird = startBird(pair, IPV4, AS4, POD_AS, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        pair.addPeer(podbgp, IPV4, POD_AS, AS4, c -> c);
        podbgp.awaitEstablished(bird4, UP);
        bird.awaitRoute(OUR_V4.prefix(), ROUTE);
        PodbgpPair.assertHoldTimerDropAndRecovery(podbgp, bird, bird4);
    }

    @Test
    void administrativeShutdownMessageReachesBird(Lab lab) {
        PodbgpPair pair = PodbgpPair.create(lab, "bird");
        IpAddress bird4 = pair.peerAddress(IPV4);
        IpAddress pod4 = pair.podAddress(IPV4);
        BirdPeer bird = startBird(pair, IPV4, AS4, POD_AS, n -> n);
        PodbgpNode podbgp = startPodbgp(pair, IPV4);
        BgpPeer peer = pair.addPeer(podbgp, IPV4, POD_AS, AS4, c -> c);
        podbgp.awaitEstablished(bird4, UP);
        bird.awaitEstablished(UP);

        String message = "podbgp interop: node drained for maintenance";
        peer.stop(message);
        bird.awaitNotEstablished(pod4, ROUTE);
        // BIRD shows the RFC 9003 communication under the protocol and the Cease subcode as its last error.
        Await.until("BIRD showing our shutdown communication", ROUTE,
                () -> bird.protocol(pod4).lines().anyMatch(l -> l.strip().equals("Message:        " + message)),
                () -> bird.protocol(pod4));
        assertThat(bird.protocol(pod4)).contains("Last error:       Received: Administrative shutdown");
        assertThat(bird.logs()).contains("Received: Administrative shutdown: \"" + message + "\"");
        SessionReport.SessionDown down = PodbgpPair.awaitDown(podbgp, 0, ROUTE);
        assertThat(down.reason()).isEqualTo(DownReason.ADMIN_STOP);
        PodbgpPair.assertNever("the stopped session came back", Duration.ofSeconds(3),
                () -> podbgp.state(bird4) != SessionState.IDLE
                        || bird.state(pod4) == dev.podbgp.lab.peer.SessionState.ESTABLISHED,
                () -> podbgp.describe() + bird.logs());
    }
}
