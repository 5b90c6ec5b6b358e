package dev.podbgp.bfd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.inet.IpAddress;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two transports in one JVM, on 127.0.0.1 and 127.0.0.2, with real sockets on the single-hop
 * port: sessions come up, negotiate, notice a silent or a disabled peer, and the kernel drops
 * what a distant sender forged.
 */
class BfdTransportLoopbackTest {

    /** Up takes a few slow (one-second) packets and a Poll Sequence; this bounds a stuck test. */
    static final Duration HANDSHAKE = Duration.ofSeconds(10);
    static final Duration FAST = Duration.ofMillis(100);

    private final LoopbackEnd a = new LoopbackEnd("127.0.0.1");
    private final LoopbackEnd b = new LoopbackEnd("127.0.0.2");
    private final CraftedPackets forger = new CraftedPackets();

    @AfterEach
    void close() {
        a.close();
        b.close();
        forger.close();
    }

    private void bothUp(BfdIntervals forA, BfdIntervals forB) throws InterruptedException {
        a.add(BfdPeerConfig.singleHop(b.address, a.address).withIntervals(forA));
        b.add(BfdPeerConfig.singleHop(a.address, b.address).withIntervals(forB));
        a.awaitUp(HANDSHAKE);
        b.awaitUp(HANDSHAKE);
    }

    private void bothUp() throws InterruptedException {
        bothUp(BfdIntervals.of(FAST, 3), BfdIntervals.of(FAST, 3));
    }

    @Test
    void rfc5880_s6_8_7_sessionsComeUp_andEachSendsAtTheLargerOfItsTxAndThePeersRx() throws Exception {
        bothUp(new BfdIntervals(Duration.ofMillis(50), Duration.ofMillis(70), 3),
                new BfdIntervals(Duration.ofMillis(40), Duration.ofMillis(120), 4));

        // Once the Poll Sequences that announced the fast intervals are over.
        BfdSessionStatus onA = Eventually.await("A at max(50, 120) ms", HANDSHAKE, a::status,
                s -> s.transmitInterval().equals(Duration.ofMillis(120)));
        BfdSessionStatus onB = Eventually.await("B at max(40, 70) ms", HANDSHAKE, b::status,
                s -> s.transmitInterval().equals(Duration.ofMillis(70)));
        // §6.8.4: the peer's Detect Mult times the larger of our RX and the peer's TX.
        assertThat(Eventually.await("A's detection time", HANDSHAKE, a::status,
                s -> s.detectionTime().orElseThrow().equals(Duration.ofMillis(4 * 70))).state()).isEqualTo(BfdState.UP);
        assertThat(Eventually.await("B's detection time", HANDSHAKE, b::status,
                s -> s.detectionTime().orElseThrow().equals(Duration.ofMillis(3 * 120))).state()).isEqualTo(BfdState.UP);

        assertThat(onA.remoteDiscriminator()).isEqualTo(b.handle.localDiscriminator());
        assertThat(onB.remoteDiscriminator()).isEqualTo(a.handle.localDiscriminator());
        // RFC 5881 §4: source ports from the dynamic range, one per session.
        assertThat(onA.sourcePort()).isBetween(HopMode.SOURCE_PORT_MIN, HopMode.SOURCE_PORT_MAX);
        assertThat(onB.sourcePort()).isBetween(HopMode.SOURCE_PORT_MIN, HopMode.SOURCE_PORT_MAX);
        assertThat(onA.counters().packetsIn()).isPositive();
        assertThat(onA.counters().packetsOut()).isPositive();
        assertThat(onA.counters().discarded()).isZero();
        assertThat(onA.counters().flaps()).isZero();
        assertThat(a.transport.sessions()).containsExactly(a.status());
    }

    @Test
    void rfc5880_s6_8_4_aPeerThatFallsSilent_isDownWithDetectionTimeExpired() throws Exception {
        bothUp();
        Duration detection = Eventually.await("B's fast detection time", HANDSHAKE, b::status,
                s -> s.detectionTime().orElseThrow().equals(FAST.multipliedBy(3))).detectionTime().orElseThrow();

        long silencedAt = System.nanoTime();
        a.close();

        Moves.Move down = b.moves.awaitTo(BfdState.DOWN, detection.multipliedBy(5));
        assertThat(down.from()).isEqualTo(BfdState.UP);
        assertThat(down.diagnostic()).isEqualTo(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
        assertThat(Duration.ofNanos(down.atNanos() - silencedAt)).isLessThan(detection.multipliedBy(5));
        assertThat(b.status().counters().flaps()).isEqualTo(1);
    }

    @Test
    void rfc5880_s6_8_16_aRemovedSession_tellsThePeer_whichGoesDownWithNeighborSignaledDown() throws Exception {
        bothUp();

        a.transport.remove(a.handle);

        Moves.Move down = b.moves.awaitTo(BfdState.DOWN, HANDSHAKE);
        assertThat(down.diagnostic()).isEqualTo(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
        assertThat(b.status().remoteState()).isEqualTo(BfdState.ADMIN_DOWN);
        Moves.Move adminDown = a.moves.awaitTo(BfdState.ADMIN_DOWN, HANDSHAKE);
        assertThat(adminDown.diagnostic()).isEqualTo(Diagnostic.ADMINISTRATIVELY_DOWN);
        // After its AdminDown packets the session is gone, and its sockets with it.
        Eventually.await("A's session dropped", HANDSHAKE, a.transport::sessions, java.util.List::isEmpty);
        assertThat(a.transport.status(a.handle)).isEmpty();
        assertThat(b.status().state()).isEqualTo(BfdState.DOWN);
    }

    @Test
    void aRemovedPeer_canBeAddedAgainAtOnce_andComesBackUp() throws Exception {
        bothUp();
        BfdSessionHandle first = a.handle;

        a.transport.remove(first);
        a.add(BfdPeerConfig.singleHop(b.address, a.address).withIntervals(BfdIntervals.of(FAST, 3)));

        assertThat(a.handle).isNotEqualTo(first);
        // B hears the old session's AdminDown, then the new session's Down and goes Init, then Up.
        b.moves.awaitTo(BfdState.DOWN, HANDSHAKE);
        b.awaitUp(HANDSHAKE);
        Eventually.await("the new session Up", HANDSHAKE, a::status, s -> s.state() == BfdState.UP);
        assertThat(b.status().remoteDiscriminator()).isEqualTo(a.handle.localDiscriminator());
    }

    @Test
    void rfc5880_s6_8_3_newIntervals_reachThePeerWithoutFlapping() throws Exception {
        bothUp();

        a.transport.update(a.handle, BfdIntervals.of(Duration.ofMillis(250), 3));

        Eventually.await("A at 250 ms", HANDSHAKE, a::status, s -> s.transmitInterval().equals(Duration.ofMillis(250)));
        Eventually.await("B's detection time on A's 250 ms", HANDSHAKE, b::status,
                s -> s.detectionTime().orElseThrow().equals(Duration.ofMillis(3 * 250)));
        assertThat(a.status().state()).isEqualTo(BfdState.UP);
        assertThat(b.status().counters().flaps()).isZero();
        assertThat(a.status().counters().flaps()).isZero();
    }

    @Test
    void rfc5881_s5_aPacketWithTtlBelow255_neverReachesTheSession() throws Exception {
        bothUp();
        byte[] forged = CraftedPackets.adminDown(b.handle.localDiscriminator(), a.handle.localDiscriminator());
        long dropped = a.transport.counters().kernelDropped();

        // From B's own address, so only the TTL gives it away: one router between.
        forger.send(forged, b.address, 64, a.address, HopMode.SINGLE_HOP);

        Eventually.await("the kernel's drop", HANDSHAKE, a.transport::counters, c -> c.kernelDropped() > dropped);
        assertThat(a.status().state()).isEqualTo(BfdState.UP);
        assertThat(a.status().counters().discarded()).isZero();
        assertThat(a.moves.pending()).isEmpty();

        // The same bytes at TTL 255 do take the session down: the drop above was the TTL's doing.
        forger.send(forged, b.address, 255, a.address, HopMode.SINGLE_HOP);
        assertThat(a.moves.awaitTo(BfdState.DOWN, HANDSHAKE).diagnostic()).isEqualTo(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
    }

    @Test
    void rfc5880_s6_8_6_packetsThatSelectNoSession_areCountedAndDropped() throws Exception {
        bothUp();
        int stranger = ~a.handle.localDiscriminator();

        forger.send(CraftedPackets.adminDown(b.handle.localDiscriminator(), stranger), b.address, 255, a.address,
                HopMode.SINGLE_HOP);
        Eventually.await("an unknown discriminator", HANDSHAKE, a.transport::counters, c -> c.unknownDiscriminator() == 1);

        forger.send(CraftedPackets.hello(0x5eed), IpAddress.parse("127.0.0.3"), 255, a.address, HopMode.SINGLE_HOP);
        Eventually.await("an unknown source", HANDSHAKE, a.transport::counters, c -> c.unknownSource() == 1);

        forger.send(new byte[] {0x20, 0x40, 0x03}, b.address, 255, a.address, HopMode.SINGLE_HOP);
        Eventually.await("a malformed packet", HANDSHAKE, a.transport::counters, c -> c.malformed() == 1);

        assertThat(a.status().state()).isEqualTo(BfdState.UP);
        assertThat(a.moves.pending()).isEmpty();
    }

    @Test
    void rfc5880_s6_3_aDiscriminatorSelectsOnlySessionsOfTheSocketThePacketCameIn() throws Exception {
        bothUp();
        // A multihop session on A opens 4784, where any TTL is accepted.
        a.transport.add(BfdPeerConfig.multiHop(b.address).withLocal(a.address));
        byte[] forged = CraftedPackets.adminDown(b.handle.localDiscriminator(), a.handle.localDiscriminator());

        // The single-hop session's discriminator, at a TTL the single-hop socket would have dropped.
        forger.send(forged, b.address, 64, a.address, HopMode.MULTI_HOP);

        Eventually.await("an unknown discriminator", HANDSHAKE, a.transport::counters, c -> c.unknownDiscriminator() == 1);
        assertThat(a.status().state()).isEqualTo(BfdState.UP);
        assertThat(a.moves.pending()).allMatch(m -> m.from() != BfdState.UP);
    }

    @Test
    void rfc5883_multihop_acceptsTheConfiguredMinimumTtlAndNoLower() throws Exception {
        int minimum = 250;
        a.add(BfdPeerConfig.multiHop(b.address).withLocal(a.address).withMinimumTtl(minimum)
                .withIntervals(BfdIntervals.of(FAST, 3)));
        b.add(BfdPeerConfig.multiHop(a.address).withLocal(b.address).withMinimumTtl(minimum)
                .withIntervals(BfdIntervals.of(FAST, 3)));
        a.awaitUp(HANDSHAKE);
        byte[] forged = CraftedPackets.adminDown(b.handle.localDiscriminator(), a.handle.localDiscriminator());

        forger.send(forged, b.address, minimum - 1, a.address, HopMode.MULTI_HOP);
        Eventually.await("the kernel's drop", HANDSHAKE, a.transport::counters, c -> c.kernelDropped() == 1);
        assertThat(a.status().state()).isEqualTo(BfdState.UP);

        forger.send(forged, b.address, minimum, a.address, HopMode.MULTI_HOP);
        assertThat(a.moves.awaitTo(BfdState.DOWN, HANDSHAKE).diagnostic()).isEqualTo(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
    }

    @Test
    void rfc5881_s3_sessionsBoundToTheirInterface_comeUp() throws Exception {
        a.add(BfdPeerConfig.singleHop(b.address, a.address).withInterface("lo").withIntervals(BfdIntervals.of(FAST, 3)));
        b.add(BfdPeerConfig.singleHop(a.address, b.address).withInterface("lo").withIntervals(BfdIntervals.of(FAST, 3)));

        a.awaitUp(HANDSHAKE);
        b.awaitUp(HANDSHAKE);
        assertThat(a.status().interfaceName()).contains("lo");
        assertThatThrownBy(() -> a.transport.add(BfdPeerConfig.singleHop(b.address, a.address).withInterface("pbt-absent0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no interface pbt-absent0");
    }

    @Test
    void addRefusesASecondSessionWithTheSameAddressing_andAnAddressNotOnThisHost() {
        a.add(BfdPeerConfig.singleHop(b.address, a.address));

        assertThatThrownBy(() -> a.transport.add(BfdPeerConfig.singleHop(b.address, a.address)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
        // TEST-NET-2: on no interface of this machine.
        assertThatThrownBy(() -> a.transport.add(BfdPeerConfig.singleHop(b.address, IpAddress.parse("198.51.100.7"))))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("198.51.100.7");
        assertThat(a.transport.sessions()).hasSize(1);
    }
}
