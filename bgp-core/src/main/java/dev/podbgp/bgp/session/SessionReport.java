package dev.podbgp.bgp.session;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Update;
import java.util.Objects;
import java.util.Optional;

/**
 * The actions the connection passes up: what the session saw or decided, for the RIB, logs
 * and metrics. None of them touches the socket or a timer.
 */
public sealed interface SessionReport extends SessionAction {

    /** The FSM moved; one log line, and the ExaBGP {@code state} event. */
    record StateChanged(SessionState from, SessionState to) implements SessionReport {}

    /**
     * Established: the RIB may start sending the initial table, then one End-of-RIB per
     * negotiated family ({@link NegotiatedSession#endOfRib}).
     */
    record SessionEstablished(NegotiatedSession negotiated) implements SessionReport {}

    /**
     * The session left OpenSent, OpenConfirm or Established, or a connection attempt gave up.
     * When {@code from} is Established the RIB withdraws what the peer sent.
     *
     * @param notification the NOTIFICATION we sent, or the one we received when
     *                     {@code reason} is {@link DownReason#NOTIFICATION_RECEIVED}
     * @param detail       for the log line
     */
    record SessionDown(SessionState from, DownReason reason, Optional<Notification> notification, String detail)
            implements SessionReport {
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
    record DeliverUpdate(Update update) implements SessionReport {}

    /** RFC 4724 §2: the peer finished sending its initial table for this family. */
    record EndOfRibReceived(Family family) implements SessionReport {}

    /**
     * RFC 2918 §4: the peer asks us to re-send our Adj-RIB-Out for {@code family}. When
     * {@code enhanced}, RFC 7313 §4 wants the re-advertisement between a BoRR and an EoRR
     * ({@link NegotiatedSession#beginOfRouteRefresh}, {@link NegotiatedSession#endOfRouteRefresh}).
     */
    record RefreshRequested(Family family, boolean enhanced) implements SessionReport {}

    /** RFC 7313 §4 BoRR: the peer starts re-sending {@code family}; its routes there become stale. */
    record RefreshBegin(Family family) implements SessionReport {}

    /** RFC 7313 §4 EoRR: the peer finished re-sending {@code family}; stale routes left are withdrawn. */
    record RefreshEnd(Family family) implements SessionReport {}

    /**
     * A problem that did not end the session (RFC 7606 treat-as-withdraw or attribute
     * discard, already applied to the delivered UPDATE): one log line and a metric.
     */
    record ProblemReported(Malformation problem) implements SessionReport {}

    /** A valid message the session chose not to act on, and the RFC clause that says so. */
    record MessageIgnored(BgpMessage message, String reason) implements SessionReport {}
}
