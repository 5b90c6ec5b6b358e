package dev.podbgp.bgp.session;

/** The six states of the RFC 4271 §8.2.2 FSM. */
public enum SessionState {
    IDLE,
    CONNECT,
    ACTIVE,
    OPEN_SENT,
    OPEN_CONFIRM,
    ESTABLISHED;

    /** True in the states where a TCP connection to the peer exists (an OPEN may have crossed it). */
    public boolean hasConnection() {
        return this == OPEN_SENT || this == OPEN_CONFIRM || this == ESTABLISHED;
    }

    /** The RFC 4271 §8.2.2 spelling ("OpenSent"), as FRR and BIRD show it to operators. */
    public String rfcName() {
        return switch (this) {
            case IDLE -> "Idle";
            case CONNECT -> "Connect";
            case ACTIVE -> "Active";
            case OPEN_SENT -> "OpenSent";
            case OPEN_CONFIRM -> "OpenConfirm";
            case ESTABLISHED -> "Established";
        };
    }
}
