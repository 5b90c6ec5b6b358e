package dev.podbgp.rib.policy;

import dev.podbgp.bgp.wire.message.Notification;
import java.time.Duration;
import java.util.Optional;

/** What the session does after the accepted-prefix count changed. */
public sealed interface MaxPrefixVerdict {

    /** Under the warning threshold, or above it and already warned. */
    record Ok() implements MaxPrefixVerdict {
    }

    /** The count just reached the warning threshold: log once. */
    record Warn(long count, long threshold, long limit) implements MaxPrefixVerdict {
    }

    /** Send {@code notification}, close, and start again after {@code restartAfter} if present. */
    record TearDown(Notification notification, Optional<Duration> restartAfter, long count) implements MaxPrefixVerdict {
    }

    /** Refuse the {@code excess} newest prefixes; the session stays up. */
    record StopAccepting(long excess, long limit) implements MaxPrefixVerdict {
    }
}
