package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.session.SessionConfig;
import dev.podbgp.bfd.session.SessionEvent;
import java.time.Duration;

/**
 * The timer parameters an operator sets for one session (RFC 5880 §6.8.1): bfd.DesiredMinTxInterval,
 * bfd.RequiredMinRxInterval and bfd.DetectMult. The session works in whole microseconds, as the
 * wire does.
 */
public record BfdIntervals(Duration desiredMinTx, Duration requiredMinRx, int detectMult) {

    /** {@link SessionConfig#DEFAULT_INTERVAL} both ways, {@link SessionConfig#DEFAULT_DETECT_MULT}. */
    public static final BfdIntervals DEFAULT = new BfdIntervals(
            SessionConfig.DEFAULT_INTERVAL, SessionConfig.DEFAULT_INTERVAL, SessionConfig.DEFAULT_DETECT_MULT);

    public BfdIntervals {
        // The session's own rules (§4.1 ranges, no zero RX), checked here so a caller hears of a bad
        // value at once rather than from the event loop.
        toEvent(desiredMinTx, requiredMinRx, detectMult);
    }

    public static BfdIntervals of(Duration both, int detectMult) {
        return new BfdIntervals(both, both, detectMult);
    }

    /** What the session is told when the operator changes them (§6.8.3 runs the Poll Sequence). */
    SessionEvent.ParametersChanged toEvent() {
        return toEvent(desiredMinTx, requiredMinRx, detectMult);
    }

    private static SessionEvent.ParametersChanged toEvent(Duration tx, Duration rx, int mult) {
        return new SessionEvent.ParametersChanged(tx, rx, mult);
    }
}
