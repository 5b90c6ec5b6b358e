package dev.podbgp.bfd.session;

import dev.podbgp.bfd.wire.ControlPacket;
import java.time.Duration;
import java.util.Objects;

/** What the transport does for the session: the socket and the timers. */
public sealed interface SessionOrder extends SessionAction {

    /** Encode and send this packet to the peer now (TTL 255, the session's source port). */
    record Send(ControlPacket packet) implements SessionOrder {
        public Send {
            Objects.requireNonNull(packet, "packet");
        }
    }

    /**
     * Feed {@link SessionEvent.TimerExpired} for {@code timer} after {@code delay}, replacing any
     * pending one of the same kind. Timers are never cancelled: a firing that is no longer due is
     * recognised by the session and answered with a new {@code StartTimer} for the time left.
     */
    record StartTimer(TimerKind timer, Duration delay) implements SessionOrder {
        public StartTimer {
            Objects.requireNonNull(timer, "timer");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
        }
    }
}
