package dev.podbgp.bfd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.inet.IpAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * IPv6 without a second address: ::1 is the only IPv6 loopback address, and two transports cannot
 * both receive on [::1]:3784. A session whose peer is its own address hears its own packets and
 * comes Up with itself (Down, Init, Up: RFC 5880 §6.2 does not care who answers), which is enough
 * to prove the IPv6 sockets: sent with Hop Limit 255, received through the Hop Limit filter,
 * demultiplexed by address and then by discriminator.
 */
class BfdTransportIpv6Test {

    private static final IpAddress LOOPBACK = IpAddress.parse("::1");
    private final LoopbackEnd end = new LoopbackEnd("::1");
    private final CraftedPackets forger = new CraftedPackets();

    @AfterEach
    void close() {
        end.close();
        forger.close();
    }

    @Test
    void rfc5881_s5_ipv6_hopLimit255PassesAndLowerIsDropped() throws Exception {
        end.add(BfdPeerConfig.singleHop(LOOPBACK, LOOPBACK).withIntervals(BfdIntervals.of(Duration.ofMillis(100), 3)));
        end.awaitUp(BfdTransportLoopbackTest.HANDSHAKE);
        int self = end.handle.localDiscriminator();
        assertThat(end.status().remoteDiscriminator()).isEqualTo(self);

        byte[] forged = CraftedPackets.adminDown(self, self);
        forger.send(forged, LOOPBACK, 254, LOOPBACK, HopMode.SINGLE_HOP);
        Eventually.await("the kernel's drop", BfdTransportLoopbackTest.HANDSHAKE, end.transport::counters,
                c -> c.kernelDropped() == 1);
        assertThat(end.status().state()).isEqualTo(BfdState.UP);

        forger.send(forged, LOOPBACK, 255, LOOPBACK, HopMode.SINGLE_HOP);
        assertThat(end.moves.awaitTo(BfdState.DOWN, BfdTransportLoopbackTest.HANDSHAKE).diagnostic())
                .isEqualTo(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
    }
}
