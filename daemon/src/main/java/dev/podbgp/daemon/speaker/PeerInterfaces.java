package dev.podbgp.daemon.speaker;

import dev.podbgp.rib.PeerInfo;

/**
 * The interface a peer is directly connected on, as the FIB needs it for a link-local next hop: a gateway like
 * {@code fe80::1} means something only together with the link it is on.
 */
@FunctionalInterface
public interface PeerInterfaces {

    /** No peer is known to be directly connected: every next hop is left to the kernel to resolve. */
    PeerInterfaces NONE = peer -> 0;

    /**
     * The interface index of the link the current session to {@code peer} runs over, or 0 when the peer is not
     * directly connected (a multihop session) or the interface could not be found. Called on the RIB thread.
     */
    int interfaceOf(PeerInfo peer);
}
