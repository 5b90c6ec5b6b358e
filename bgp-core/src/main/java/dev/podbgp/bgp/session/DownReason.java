package dev.podbgp.bgp.session;

/** Why a session left the connected states or gave up a connection attempt. */
public enum DownReason {
    /** Operator stop: Cease / Administrative Shutdown (RFC 4486, RFC 9003) sent if connected. */
    ADMIN_STOP,
    /** Operator reset: Cease / Administrative Reset sent if connected; the session restarts. */
    ADMIN_RESET,
    /** RFC 4271 §6.5: nothing received for the hold time; we sent Hold Timer Expired. */
    HOLD_TIMER_EXPIRED,
    /** The peer sent something wrong (or at the wrong time); we sent the NOTIFICATION naming it. */
    PROTOCOL_ERROR,
    /** The peer sent a NOTIFICATION. */
    NOTIFICATION_RECEIVED,
    /** The TCP connection failed, closed, or could not be made. */
    CONNECTION_FAILED,
    /** The path to the peer failed: BFD down or the interface to it down ({@link SessionEvent.PathDown}). */
    PATH_DOWN,
    /** RFC 4271 §6.8: this connection lost a collision; we sent Cease / Connection Collision Resolution. */
    COLLISION
}
