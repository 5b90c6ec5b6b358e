package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.inet.IpAddress;

/**
 * What a BFD client (BGP, the daemon's logs and metrics) hears of its sessions. Called on the
 * transport's event loop, in the order the moves happened: implementations hand the work to their
 * own thread and never block. An exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface BfdListener {

    /** For a transport whose sessions are only read through {@link BfdTransport#status}. */
    BfdListener NONE = (peer, from, to, diagnostic, peerControlPlaneIndependent) -> {};

    /**
     * The session to {@code peer} moved (RFC 5880 §6.2). {@code from == UP} is the "down" a BGP
     * session reacts to, {@code to == UP} the "up". RFC 5882 §3.2 asks a client not to react when
     * the peer merely turned BFD off: the session's {@link BfdSessionStatus#remoteState()}, published
     * before this call, is then AdminDown.
     *
     * @param diagnostic                  bfd.LocalDiag after the move: why the session went down
     * @param peerControlPlaneIndependent the C bit last heard from the peer (RFC 5882 §4.3)
     */
    void stateChanged(IpAddress peer, BfdState from, BfdState to, Diagnostic diagnostic, boolean peerControlPlaneIndependent);
}
