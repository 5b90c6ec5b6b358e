package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.Malformation;
import java.net.InetAddress;

/**
 * What the speaker tells the rest of the daemon as it happens (metrics, Kubernetes Events).
 * Called on Netty event loops: implementations must not block.
 */
public interface SpeakerEvents {

    SpeakerEvents NONE = new SpeakerEvents() { };

    default void stateChanged(InetAddress peer, SessionState from, SessionState to) {
    }

    /** Something a peer sent was repaired or ignored (RFC 7606). */
    default void problem(InetAddress peer, Malformation problem) {
    }
}
