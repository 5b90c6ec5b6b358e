package dev.podbgp.bfd.session;

import dev.podbgp.bfd.auth.AuthConfig;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.inet.IpAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator chose for one BFD session: the RFC 5880 §6.8.1 variables that come from
 * configuration, and how the session is carried.
 *
 * @param localDiscriminator      bfd.LocalDiscr: non-zero and unique on this system (§6.3); whoever
 *                                creates sessions allocates it
 * @param peer                    the address a packet with Your Discriminator 0 must come from
 * @param desiredMinTx            bfd.DesiredMinTxInterval once Up (§6.8.3 raises it to 1 s otherwise)
 * @param requiredMinRx           bfd.RequiredMinRxInterval
 * @param detectMult              bfd.DetectMult
 * @param passive                 §6.1: send nothing until the peer has been heard
 * @param controlPlaneIndependent the C bit we send: true only where BFD survives a restart of the
 *                                control plane, which a daemon in a pod does not
 * @param auth                    bfd.AuthType and its keys; empty for none
 */
public record SessionConfig(
        int localDiscriminator,
        IpAddress peer,
        HopMode hop,
        Duration desiredMinTx,
        Duration requiredMinRx,
        int detectMult,
        boolean passive,
        boolean controlPlaneIndependent,
        Optional<AuthConfig> auth) {

    /** 300 ms × 3: under a second to detect, the figure FRR and many ToR vendors ship with. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(300);
    public static final int DEFAULT_DETECT_MULT = 3;

    public SessionConfig {
        if (localDiscriminator == 0) {
            throw new IllegalArgumentException("the local discriminator must not be zero (RFC 5880 §6.8.1)");
        }
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(hop, "hop");
        checkTimers(desiredMinTx, requiredMinRx, detectMult);
        desiredMinTx = wholeMicros(desiredMinTx);
        requiredMinRx = wholeMicros(requiredMinRx);
        Objects.requireNonNull(auth, "auth");
    }

    public static SessionConfig of(int localDiscriminator, IpAddress peer, HopMode hop) {
        return new SessionConfig(localDiscriminator, peer, hop, DEFAULT_INTERVAL, DEFAULT_INTERVAL, DEFAULT_DETECT_MULT,
                false, false, Optional.empty());
    }

    public SessionConfig withTimers(Duration tx, Duration rx, int mult) {
        return new SessionConfig(localDiscriminator, peer, hop, tx, rx, mult, passive, controlPlaneIndependent, auth);
    }

    public SessionConfig withPassive(boolean on) {
        return new SessionConfig(localDiscriminator, peer, hop, desiredMinTx, requiredMinRx, detectMult, on,
                controlPlaneIndependent, auth);
    }

    public SessionConfig withControlPlaneIndependent(boolean on) {
        return new SessionConfig(localDiscriminator, peer, hop, desiredMinTx, requiredMinRx, detectMult, passive, on, auth);
    }

    public SessionConfig withAuth(AuthConfig config) {
        return new SessionConfig(localDiscriminator, peer, hop, desiredMinTx, requiredMinRx, detectMult, passive,
                controlPlaneIndependent, Optional.of(config));
    }

    /**
     * The interval rules of RFC 5880 §4.1: Desired Min TX is never zero; neither fits more than 32
     * bits of microseconds. A Required Min RX of zero is legal on the wire but would stop the peer
     * from sending at all, so a session meant to detect failures refuses it.
     */
    static void checkTimers(Duration tx, Duration rx, int mult) {
        checkInterval("desired minimum TX interval", tx);
        checkInterval("required minimum RX interval", rx);
        if (mult < 1 || mult > 255) {
            throw new IllegalArgumentException("detect multiplier is 1 to 255, not " + mult);
        }
    }

    private static void checkInterval(String what, Duration d) {
        Objects.requireNonNull(d, what);
        long micros = micros(d);
        if (micros < 1 || micros > ControlPacket.MAX_INTERVAL_MICROS) {
            throw new IllegalArgumentException(
                    what + " must be 1 µs to " + ControlPacket.MAX_INTERVAL_MICROS + " µs, not " + d);
        }
    }

    static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    /** The wire counts microseconds; what the session computes with is what it sends. */
    private static Duration wholeMicros(Duration d) {
        return Duration.ofNanos(micros(d) * 1000);
    }
}
