package dev.podbgp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.transport.BfdIntervals;
import dev.podbgp.bfd.transport.BfdPeerConfig;
import dev.podbgp.bfd.transport.BfdSessionHandle;
import dev.podbgp.bfd.transport.BfdSessionStatus;
import dev.podbgp.bfd.transport.BfdTransport;
import dev.podbgp.bfd.transport.BfdTransportConfig;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Await;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.LabExtension;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.PeerConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * podbgp's BFD (module bfd) against BIRD 2.0.12's, single hop over a link between two namespaces (issue 14): the
 * session comes up with the intervals agreed, a frozen BIRD is detected within its detection time, it comes back
 * when BIRD does, and BIRD hears our AdminDown when we remove the session. FRR's bfdd is covered through the daemon
 * in {@code BfdE2ETest}.
 */
@ExtendWith(LabExtension.class)
class BfdBirdInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int OURS_MS = 200;
    private static final int BIRDS_MS = 250;
    private static final int MULTIPLIER = 3;

    @Test
    void bird_upWithAgreedIntervals_detectsItFrozen_comesBack_andHearsOurAdminDown(Lab lab) throws Exception {
        Node pod = lab.node("pod");
        Node birdNode = lab.node("bird");
        Link link = lab.link(pod, birdNode);
        IpAddress ours = link.address(pod, AddressFamily.IPV4);
        IpAddress theirs = link.address(birdNode, AddressFamily.IPV4);
        BirdPeer bird = BirdPeer.start(birdNode, PeerConfig.of(theirs.toString(), 65010)
                .neighbor(Neighbor.of(theirs, ours, 65001)).withBfd(BIRDS_MS, BIRDS_MS, MULTIPLIER));
        BfdTransportConfig config = new BfdTransportConfig(
                NetworkNamespace.named(pod.name()).threadFactory(BfdTransportConfig.defaults().threadFactory()));
        try (BfdTransport bfd = BfdTransport.start(config, (peer, from, to, diag, cBit) -> { })) {
            BfdSessionHandle h = bfd.add(BfdPeerConfig.singleHop(theirs, ours)
                    .withIntervals(BfdIntervals.of(Duration.ofMillis(OURS_MS), MULTIPLIER)));
            Await.until("BFD Up at both ends", WAIT, () -> state(bfd, h) == BfdState.UP
                            && bird.bfdSession(ours).map(s -> s.state().equals("Up")).orElse(false),
                    () -> bfd.status(h) + "\n" + bird.birdc("show bfd sessions"));
            BfdSessionStatus up = bfd.status(h).orElseThrow();
            // RFC 5880 §6.8.7: each sends at the slower of its own TX and the other's RX; §6.8.4: detection is the
            // sender's Detect Mult times its interval.
            assertThat(up.transmitInterval()).isEqualTo(Duration.ofMillis(BIRDS_MS));
            assertThat(up.detectionTime()).contains(Duration.ofMillis((long) MULTIPLIER * BIRDS_MS));
            BirdPeer.BfdSession seen = bird.bfdSession(ours).orElseThrow();
            assertThat(seen.interval()).as("BIRD's TX interval").isEqualTo(Duration.ofMillis(BIRDS_MS));
            assertThat(seen.timeout()).as("BIRD's detection time").isEqualTo(Duration.ofMillis((long) MULTIPLIER * BIRDS_MS));

            long frozen = System.nanoTime();
            bird.freeze();
            try {
                Await.until("our session to see BIRD gone", WAIT, () -> state(bfd, h) == BfdState.DOWN, () -> bfd.status(h).toString());
                System.out.println("BIRD frozen: our session Down " + (System.nanoTime() - frozen) / 1_000_000
                        + " ms after SIGSTOP (detection time " + MULTIPLIER * BIRDS_MS + " ms)");
                assertThat(bfd.status(h).orElseThrow().localDiagnostic()).isEqualTo(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
            } finally {
                bird.thaw();
            }
            Await.until("BFD Up again", WAIT, () -> state(bfd, h) == BfdState.UP, () -> bfd.status(h).toString());
            assertThat(bfd.status(h).orElseThrow().counters().flaps()).isEqualTo(1);

            bfd.remove(h);
            Await.until("BIRD to hear our AdminDown", WAIT,
                    () -> bird.bfdSession(ours).map(s -> s.state().equals("Down")).orElse(false),
                    () -> bird.birdc("show bfd sessions"));
        }
    }

    private static BfdState state(BfdTransport bfd, BfdSessionHandle h) {
        Optional<BfdSessionStatus> s = bfd.status(h);
        return s.map(BfdSessionStatus::state).orElse(BfdState.ADMIN_DOWN);
    }
}
