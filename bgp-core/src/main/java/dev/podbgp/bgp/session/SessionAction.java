package dev.podbgp.bgp.session;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Update;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the driver must do after an event, in list order. Transport actions
 * ({@link Connect}, {@link Send}, {@link CloseConnection}, timers) are orders; the rest are
 * reports for the RIB, logs and metrics.
 */
public sealed interface SessionAction {

    /** Open a TCP connection to the peer; answer with TcpConnected or TcpConnectionFails. */
    record Connect() implements SessionAction {}

    /** Encode with {@link BgpSession#codec()} and write this message on the connection. */
    record Send(BgpMessage message) implements SessionAction {
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Close the connection (or abort the connection attempt) after writing what was sent
     * before it; a NOTIFICATION just sent must reach the peer first (RFC 4271 §4.5).
     */
    record CloseConnection() implements SessionAction {}

    /**
     * Schedule a {@link SessionEvent.TimerExpired} for {@code timer} after {@code delay},
     * replacing any pending one of the same kind.
     */
    record StartTimer(TimerKind timer, Duration delay) implements SessionAction {
        public StartTimer {
            Objects.requireNonNull(timer, "timer");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
        }
    }

    /** Cancel the pending timer of this kind, if any. */
    record StopTimer(TimerKind timer) implements SessionAction {}

    /** The FSM moved; one log line, and the ExaBGP {@code state} event. */
    record StateChanged(SessionState from, SessionState to) implements SessionAction {}

    /**
     * The peer's OPEN passed every check. From now on decode what the peer sends with
     * {@code negotiated.codec()}, which is also {@link BgpSession#codec()}.
     */
    record OpenAccepted(NegotiatedSession negotiated) implements SessionAction {}

    /**
     * Established: the RIB may start sending the initial table, then one End-of-RIB per
     * negotiated family ({@link NegotiatedSession#endOfRib}).
     */
    record SessionEstablished(NegotiatedSession negotiated) implements SessionAction {}

    /**
     * The session left OpenSent, OpenConfirm or Established, or a connection attempt gave up.
     * When {@code from} is Established the RIB withdraws what the peer sent.
     *
     * @param notification the NOTIFICATION we sent, or the one we received when
     *                     {@code reason} is {@link DownReason#NOTIFICATION_RECEIVED}
     * @param detail       for the log line
     */
    record SessionDown(SessionState from, DownReason reason, Optional<Notification> notification, String detail)
            implements SessionAction {
        public SessionDown {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notification, "notification");
        }

        public boolean wasEstablished() {
            return from == SessionState.ESTABLISHED;
        }
    }

    /** An UPDATE for the RIB (End-of-RIB markers come as {@link EndOfRibReceived} instead). */
    record DeliverUpdate(Update update) implements SessionAction {}

    /** RFC 4724 §2: the peer finished sending its initial table for this family. */
    record EndOfRibReceived(Family family) implements SessionAction {}

    /**
     * RFC 2918 §4: the peer asks us to re-send our Adj-RIB-Out for {@code family}. When
     * {@code enhanced}, RFC 7313 §4 wants the re-advertisement between a BoRR and an EoRR
     * ({@link NegotiatedSession#beginOfRouteRefresh}, {@link NegotiatedSession#endOfRouteRefresh}).
     */
    record RefreshRequested(Family family, boolean enhanced) implements SessionAction {}

    /** RFC 7313 §4 BoRR: the peer starts re-sending {@code family}; its routes there become stale. */
    record RefreshBegin(Family family) implements SessionAction {}

    /** RFC 7313 §4 EoRR: the peer finished re-sending {@code family}; stale routes left are withdrawn. */
    record RefreshEnd(Family family) implements SessionAction {}

    /**
     * A problem that did not end the session (RFC 7606 treat-as-withdraw or attribute
     * discard, already applied to the delivered UPDATE): one log line and a metric.
     */
    record ProblemReported(Malformation problem) implements SessionAction {}

    /** A valid message the session chose not to act on, and the RFC clause that says so. */
    record MessageIgnored(BgpMessage message, String reason) implements SessionAction {}
}
