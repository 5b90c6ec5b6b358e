package dev.podbgp.bfd.session;

import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import java.time.Duration;

/**
 * What the session knows of the peer, from the last packet it accepted: the remote state variables
 * of RFC 5880 §6.8.1, and the values of that packet the timers need (§6.8.4).
 *
 * @param discriminator           bfd.RemoteDiscr
 * @param state                   bfd.RemoteSessionState
 * @param demand                  bfd.RemoteDemandMode
 * @param minRxMicros             bfd.RemoteMinRxInterval
 * @param desiredMinTxMicros      the last Desired Min TX Interval received
 * @param detectMult              the last Detect Mult received; 0 until a packet is accepted
 * @param controlPlaneIndependent the last C bit received
 */
public record RemoteVariables(int discriminator, BfdState state, boolean demand, long minRxMicros, long desiredMinTxMicros,
        int detectMult, boolean controlPlaneIndependent) {

    /** §6.8.1 initial values: RemoteDiscr 0, RemoteSessionState Down, RemoteDemandMode 0, RemoteMinRxInterval 1 µs. */
    public static final RemoteVariables INITIAL = new RemoteVariables(0, BfdState.DOWN, false, 1, 0, 0, false);

    static RemoteVariables of(ControlPacket p) {
        return new RemoteVariables(p.myDiscriminator(), p.state(), p.demand(), p.requiredMinRxMicros(), p.desiredMinTxMicros(),
                p.detectMult(), p.controlPlaneIndependent());
    }

    /** Whether any packet has been accepted yet: without one there is no Detection Time. */
    public boolean heard() {
        return detectMult > 0;
    }

    /** §6.8.1: a Detection Time without a valid packet zeroes bfd.RemoteDiscr. */
    RemoteVariables withoutDiscriminator() {
        return new RemoteVariables(0, state, demand, minRxMicros, desiredMinTxMicros, detectMult, controlPlaneIndependent);
    }

    Duration minRx() {
        return Duration.ofNanos(minRxMicros * 1000);
    }

    Duration desiredMinTx() {
        return Duration.ofNanos(desiredMinTxMicros * 1000);
    }
}
