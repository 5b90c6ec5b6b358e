package dev.podbgp.bgp.transport;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.message.Update;

/**
 * The seam between sessions and what uses them (the RIB, the daemon, tests). Called on the
 * peer's event loop: implementations hand work to their own thread and never block.
 */
public interface PeerListener {

    /**
     * A connection from a listen range made a new (dynamic) peer; called before any other event of it, on the
     * accepting event loop.
     */
    default void dynamicPeerAdded(BgpPeer peer) {}

    /** A dynamic peer's session ended (after {@link #down}) and the speaker forgot it; its last event. */
    default void dynamicPeerRemoved(BgpPeer peer) {}

    default void stateChanged(BgpPeer peer, SessionState from, SessionState to) {}

    default void established(BgpPeer peer, NegotiatedSession session) {}

    /** An UPDATE, already repaired per RFC 7606 where the decoder could. */
    default void update(BgpPeer peer, Update update) {}

    default void endOfRib(BgpPeer peer, Family family) {}

    /** The peer asked for our routes again (RFC 2918; {@code enhanced}: wrap them in BoRR/EoRR, RFC 7313). */
    default void refreshRequested(BgpPeer peer, Family family, boolean enhanced) {}

    /** RFC 7313 §4 BoRR: the peer starts re-sending {@code family}; what it had there is stale until re-sent. */
    default void refreshBegin(BgpPeer peer, Family family) {}

    /** RFC 7313 §4 EoRR: the peer finished re-sending {@code family}; what is still stale goes. */
    default void refreshEnd(BgpPeer peer, Family family) {}

    default void down(BgpPeer peer, SessionReport.SessionDown down) {}

    /** Something the peer sent was repaired or ignored; for logs and metrics. */
    default void problem(BgpPeer peer, Malformation problem) {}

    /** The connection's send buffer drained below its low-water mark: send more. */
    default void writable(BgpPeer peer) {}
}
