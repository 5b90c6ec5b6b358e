package dev.podbgp.bfd.session;

import java.time.Duration;

/**
 * Our side of the interval negotiation (RFC 5880 §6.8.2, §6.8.3) and the Poll Sequence that carries
 * a change to the peer (§6.5).
 *
 * <p>Three pairs of values. <em>Configured</em>: what the operator asked for. <em>Advertised</em>:
 * bfd.DesiredMinTxInterval and bfd.RequiredMinRxInterval, what our packets say; while the session
 * is not Up the TX value is at least one second (§6.8.3). <em>In effect</em>: what our own timers
 * use. A change while Up is advertised at once with P set, and applied at once when it cannot hurt
 * the peer (a faster TX, a slower RX); a slower TX and a faster RX wait for the peer's F, so that
 * the peer's Detection Time has caught up first (§6.8.3).
 *
 * <p>§6.8.3 also wants the meaning of an F to be unambiguous: a change that comes while a poll is
 * outstanding waits until that poll ended and a packet without F has been received (the third way
 * the RFC offers), then goes in a poll of its own. Outside Up nothing is deferred: no Detection
 * Time of the peer's depends on us yet, and the one-second floor must apply at once.
 */
final class TimerNegotiation {

    /** §6.8.3: bfd.DesiredMinTxInterval while not Up is no less than one second. */
    static final Duration SLOW_TX = Duration.ofSeconds(1);

    private enum Poll {
        NONE,
        /** Sending P, waiting for F. */
        OUTSTANDING,
        /** F received; waiting for a packet without F before another poll may start. */
        SETTLING
    }

    private Duration configuredTx;
    private Duration configuredRx;
    private Duration advertisedTx;
    private Duration advertisedRx;
    private Duration effectiveTx;
    private Duration effectiveRx;
    private Poll poll = Poll.NONE;

    /** A new session, not Up. */
    TimerNegotiation(Duration desiredMinTx, Duration requiredMinRx) {
        configuredTx = desiredMinTx;
        configuredRx = requiredMinRx;
        advertisedTx = effectiveTx = max(desiredMinTx, SLOW_TX);
        advertisedRx = effectiveRx = requiredMinRx;
    }

    void configure(Duration desiredMinTx, Duration requiredMinRx, boolean up) {
        configuredTx = desiredMinTx;
        configuredRx = requiredMinRx;
        reconcile(up);
    }

    /** The session entered or left Up: the one-second floor comes or goes. */
    void stateChanged(boolean up) {
        reconcile(up);
    }

    /** §6.8.6: a received F ends the poll; the next packet without F lets the next change start. */
    void received(boolean fin, boolean up) {
        if (fin && poll == Poll.OUTSTANDING) {
            poll = Poll.SETTLING;
            effectiveTx = advertisedTx;
            effectiveRx = advertisedRx;
        } else if (!fin && poll == Poll.SETTLING) {
            poll = Poll.NONE;
            reconcile(up);
        }
    }

    /** Whether our periodic packets carry P. */
    boolean polling() {
        return poll == Poll.OUTSTANDING;
    }

    Duration advertisedTx() {
        return advertisedTx;
    }

    Duration advertisedRx() {
        return advertisedRx;
    }

    /** The TX interval our side asks for, before the peer's Required Min RX is taken into account. */
    Duration effectiveTx() {
        return effectiveTx;
    }

    /** The RX interval our Detection Time is computed with. */
    Duration effectiveRx() {
        return effectiveRx;
    }

    private void reconcile(boolean up) {
        Duration wantedTx = up ? configuredTx : max(configuredTx, SLOW_TX);
        if (wantedTx.equals(advertisedTx) && configuredRx.equals(advertisedRx)) {
            return;
        }
        if (!up) {
            effectiveTx = wantedTx;
            effectiveRx = configuredRx;
        } else if (poll == Poll.NONE) {
            effectiveTx = min(effectiveTx, wantedTx);
            effectiveRx = max(effectiveRx, configuredRx);
        } else {
            return;
        }
        advertisedTx = wantedTx;
        advertisedRx = configuredRx;
        // §6.8.3: a change of either interval is announced with a Poll Sequence.
        poll = Poll.OUTSTANDING;
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
