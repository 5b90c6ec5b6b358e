package dev.podbgp.bgp.session;

import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Notification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens to a session, fed to {@link BgpSession#handle}. Numbers in the comments are
 * the RFC 4271 §8.1 event numbers each record stands for.
 */
public sealed interface SessionEvent {

    /** Events 1 and 4 (passive or not comes from {@link SessionConfig#passive()}). */
    record ManualStart() implements SessionEvent {}

    /** Events 3 and 5: a restart the daemon asks for; ignored outside Idle. */
    record AutomaticStart() implements SessionEvent {}

    /**
     * Event 2. When connected, sends Cease / Administrative Shutdown carrying the RFC 9003
     * shutdown communication, if any. The session then stays down until a start.
     */
    record ManualStop(Optional<String> communication) implements SessionEvent {
        public ManualStop {
            checkCommunication(communication);
        }

        public static ManualStop of(String communication) {
            return new ManualStop(Optional.of(communication));
        }

        public static ManualStop silent() {
            return new ManualStop(Optional.empty());
        }
    }

    /**
     * The daemon stops to restart at once (an upgrade) and wants the peer to keep our routes
     * meanwhile. When Established: with N negotiated (RFC 8538 §4) Cease / Administrative Reset
     * carrying the communication; when the peer helps our restart without N (RFC 4724 §4.1) the
     * connection closes without NOTIFICATION; otherwise what {@link ManualStop} sends. The session
     * stays down until a start.
     */
    record StopForRestart(Optional<String> communication) implements SessionEvent {
        public StopForRestart {
            checkCommunication(communication);
        }
    }

    /**
     * The daemon ends the session for a reason of its own and says which in {@code notification}
     * (RFC 4486 §4: Cease/1 when a peer exceeded its maximum prefixes, Cease/3 when it was
     * de-configured). Like {@link ManualStop} the session stays down until a start.
     */
    record Teardown(dev.podbgp.bgp.wire.message.Notification notification) implements SessionEvent {
        public Teardown {
            java.util.Objects.requireNonNull(notification, "notification");
        }
    }

    /**
     * The forwarding path to the peer failed, found faster than the hold timer would: the interface to a directly
     * connected peer went down (fast external fallover; nothing is sent), or BFD declared the path down (RFC 5882
     * §4.3; {@code bfd} sends Cease / BFD Down, RFC 9384, which may not arrive). The session ends now, reports
     * {@link DownReason#PATH_DOWN} and restarts by itself with the usual backoff. Ignored in Idle.
     */
    record PathDown(boolean bfd, String detail) implements SessionEvent {
        public PathDown {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * An operator reset ({@code clear bgp}): like {@link ManualStop} but with Cease /
     * Administrative Reset (RFC 4486 §4, RFC 9003) and an automatic restart afterwards.
     */
    record AdminReset(Optional<String> communication) implements SessionEvent {
        public AdminReset {
            checkCommunication(communication);
        }

        public static AdminReset of(String communication) {
            return new AdminReset(Optional.of(communication));
        }
    }

    /**
     * Events 9, 10, 11 and 13: a timer the driver scheduled after a
     * {@link SessionOrder.StartTimer} fired. A firing for a timer that was stopped or
     * restarted meanwhile is recognised by its deadline and ignored or re-armed.
     */
    record TimerExpired(TimerKind timer) implements SessionEvent {
        public TimerExpired {
            Objects.requireNonNull(timer, "timer");
        }
    }

    /** Event 16 (Tcp_CR_Acked): our outbound connection attempt succeeded. */
    record TcpConnected() implements SessionEvent {}

    /** Event 17 (TcpConnectionConfirmed): the peer connected to us and this session takes the connection. */
    record TcpAccepted() implements SessionEvent {}

    /** Event 18: the connection attempt failed, or the connection closed or broke. */
    record TcpConnectionFails() implements SessionEvent {}

    /**
     * Events 19, 25, 26, 27 and ROUTE-REFRESH: one message decoded with
     * {@link BgpSession#codec()}. {@code repaired} lists what the decoder already repaired
     * in an UPDATE (RFC 7606 treat-as-withdraw, attribute discard).
     */
    record MessageReceived(BgpMessage message, List<Malformation> repaired) implements SessionEvent {
        public MessageReceived {
            Objects.requireNonNull(message, "message");
            repaired = List.copyOf(repaired);
        }

        public static MessageReceived of(BgpMessage message) {
            return new MessageReceived(message, List.of());
        }
    }

    /** Events 21, 22 and 28: a frame the decoder refused (or framing itself failed). */
    record MessageMalformed(Malformation problem) implements SessionEvent {
        public MessageMalformed {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** Event 23 (OpenCollisionDump): {@link CollisionResolution} chose this connection to close. */
    record CollisionDump() implements SessionEvent {}

    /**
     * We wrote an UPDATE on this session's connection: RFC 4271 §8.2.2 restarts the
     * KeepaliveTimer on every KEEPALIVE or UPDATE sent. Optional; without it KEEPALIVEs are
     * simply sent on schedule.
     */
    record UpdateSent() implements SessionEvent {}

    /** The event for one decoder result: what a Netty handler does with each frame. */
    static SessionEvent decoded(DecodeResult<BgpMessage> result) {
        return switch (result) {
            case DecodeResult.Ok<BgpMessage> ok -> new MessageReceived(ok.value(), ok.repaired());
            case DecodeResult.Malformed<BgpMessage> bad -> new MessageMalformed(bad.problem());
        };
    }

    /** RFC 9003 §2: at most 255 octets of UTF-8; checked when the operator gives it, not on the wire. */
    private static void checkCommunication(Optional<String> communication) {
        Objects.requireNonNull(communication, "communication");
        communication.ifPresent(text -> {
            int octets = text.getBytes(StandardCharsets.UTF_8).length;
            if (octets > Notification.MAX_SHUTDOWN_COMMUNICATION) {
                throw new IllegalArgumentException("shutdown communication of " + octets
                        + " octets; RFC 9003 §2 allows " + Notification.MAX_SHUTDOWN_COMMUNICATION);
            }
        });
    }
}
