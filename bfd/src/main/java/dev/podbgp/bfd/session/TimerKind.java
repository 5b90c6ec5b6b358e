package dev.podbgp.bfd.session;

/** The two timers of an asynchronous-mode session (RFC 5880 §6.8.4, §6.8.7). */
public enum TimerKind {
    /** When the next periodic Control packet is due; jittered per packet (§6.8.7). */
    TRANSMIT,
    /** When the peer is declared dead for want of packets (§6.8.4); restarted by every packet counted. */
    DETECTION
}
