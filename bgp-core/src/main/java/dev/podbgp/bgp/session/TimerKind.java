package dev.podbgp.bgp.session;

/** The timers of one session (RFC 4271 §8, §10). DelayOpenTimer is not implemented. */
public enum TimerKind {
    /** RFC 4271 §8.2.2: paces outbound connection attempts in Connect and Active. */
    CONNECT_RETRY,
    /** RFC 4271 §4.2, §6.5: the peer is declared dead when nothing arrives for the hold time. */
    HOLD,
    /** RFC 4271 §4.4: when we send the next KEEPALIVE. */
    KEEPALIVE,
    /**
     * RFC 4271 §8.1.1 (IdleHoldTimer, DampPeerOscillations): how long Idle waits before the
     * automatic restart after a failure; its length comes from {@link RestartBackoff}.
     */
    IDLE_HOLD
}
