package dev.podbgp.bgp.session;

import dev.podbgp.bgp.wire.message.BgpMessage;
import java.time.Duration;
import java.util.Objects;

/**
 * The actions the connection carries out itself: its socket, its timers and its decoder. None
 * of them concerns the RIB; a driver performs each at once, in list order.
 */
public sealed interface SessionOrder extends SessionAction {

    /** Open a TCP connection to the peer; answer with TcpConnected or TcpConnectionFails. */
    record Connect() implements SessionOrder {}

    /** Encode with {@link BgpSession#codec()} and write this message on the connection. */
    record Send(BgpMessage message) implements SessionOrder {
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Close the connection (or abort the connection attempt) after writing what was sent
     * before it; a NOTIFICATION just sent must reach the peer first (RFC 4271 §4.5).
     */
    record CloseConnection() implements SessionOrder {}

    /**
     * Schedule a {@link SessionEvent.TimerExpired} for {@code timer} after {@code delay},
     * replacing any pending one of the same kind.
     */
    record StartTimer(TimerKind timer, Duration delay) implements SessionOrder {
        public StartTimer {
            Objects.requireNonNull(timer, "timer");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
        }
    }

    /** Cancel the pending timer of this kind, if any. */
    record StopTimer(TimerKind timer) implements SessionOrder {}

    /**
     * The peer's OPEN passed every check. From now on decode what the peer sends with
     * {@code negotiated.codec()}, which is also {@link BgpSession#codec()}. An order, not a
     * report: only this connection's decoder acts on it; the RIB hears of the session at
     * {@link SessionReport.SessionEstablished}.
     */
    record OpenAccepted(NegotiatedSession negotiated) implements SessionOrder {}
}
