package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.exabgp.ExabgpNeighbor;
import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.message.Update;
import java.net.InetAddress;

/**
 * What the speaker tells the rest of the daemon as it happens (metrics, Kubernetes Events, helper processes).
 * Called on Netty event loops: implementations must not block. The session events below name the session as
 * ExaBGP's API does ({@link ExabgpNeighbor}: both ends' addresses and AS numbers).
 */
public interface SpeakerEvents {

    SpeakerEvents NONE = new SpeakerEvents() { };

    default void stateChanged(InetAddress peer, SessionState from, SessionState to) {
    }

    /** Something a peer sent was repaired or ignored (RFC 7606). */
    default void problem(InetAddress peer, Malformation problem) {
    }

    /** TCP is up and our OPEN is sent (ExaBGP's {@code connected}). */
    default void connected(ExabgpNeighbor session) {
    }

    /** The session reached Established with what both OPENs agreed on. */
    default void established(ExabgpNeighbor session, NegotiatedSession negotiated) {
    }

    /** A session that had connected ended; {@code reason} says why, for an operator. */
    default void down(ExabgpNeighbor session, String reason) {
    }

    /**
     * Whether {@link #updateReceived} is wanted at all: asked before each UPDATE, so a daemon without listeners
     * spends nothing per message.
     */
    default boolean wantsUpdates() {
        return false;
    }

    /** An UPDATE as received, before import policy. */
    default void updateReceived(ExabgpNeighbor session, Update update) {
    }
}
