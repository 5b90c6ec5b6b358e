package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.inet.IpAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * One session as its event loop last saw it: an immutable snapshot, readable from any thread.
 *
 * @param sourcePort                    the UDP source port of our packets (RFC 5881 §4)
 * @param localDiagnostic               bfd.LocalDiag: why the session last went down
 * @param remoteDiscriminator           bfd.RemoteDiscr, 0 while the peer is unknown
 * @param remoteState                   bfd.RemoteSessionState
 * @param transmitInterval              the negotiated interval between our packets before jitter: the
 *                                      larger of our Desired Min TX and the peer's Required Min RX (§6.8.7)
 * @param detectionTime                 how long without a packet before the session goes Down (§6.8.4);
 *                                      empty until the peer has been heard
 * @param remoteControlPlaneIndependent the C bit last heard from the peer
 * @param removing                      {@link BfdTransport#remove} was called: AdminDown packets are going out
 */
public record BfdSessionStatus(
        IpAddress peer,
        Optional<IpAddress> local,
        HopMode hop,
        Optional<String> interfaceName,
        int sourcePort,
        BfdState state,
        Diagnostic localDiagnostic,
        int localDiscriminator,
        int remoteDiscriminator,
        BfdState remoteState,
        Duration transmitInterval,
        Optional<Duration> detectionTime,
        boolean remoteControlPlaneIndependent,
        boolean removing,
        SessionCounters counters) {
}
