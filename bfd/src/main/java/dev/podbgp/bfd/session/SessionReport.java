package dev.podbgp.bfd.session;

import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.Diagnostic;
import dev.podbgp.bfd.wire.Discarded;
import java.util.Objects;

/** What the session tells its user (BGP, logs, metrics). None of these touches the socket. */
public sealed interface SessionReport extends SessionAction {

    /**
     * The session moved (RFC 5880 §6.2).
     *
     * @param diagnostic                  bfd.LocalDiag after the move: why it went down
     * @param peerControlPlaneIndependent the C bit last heard from the peer. RFC 5882 §4.3: with C set
     *                                    both ways a Down means forwarding failed, and a graceful
     *                                    restart in progress is aborted (§4.3.1); with C clear the
     *                                    Down may be the peer's control plane restarting, and the
     *                                    restart goes on (§4.3.2)
     */
    record StateChanged(BfdState from, BfdState to, Diagnostic diagnostic, boolean peerControlPlaneIndependent)
            implements SessionReport {
        public StateChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(diagnostic, "diagnostic");
        }

        /** The path is usable from now on. */
        public boolean cameUp() {
            return to == BfdState.UP;
        }

        /** The path was usable and is no longer: what a BGP session over it reacts to. */
        public boolean wentDown() {
            return from == BfdState.UP;
        }
    }

    /** A received packet refused, and the rule that refused it: one log line and a metric. */
    record PacketDiscarded(Discarded discard) implements SessionReport {
        public PacketDiscarded {
            Objects.requireNonNull(discard, "discard");
        }
    }
}
