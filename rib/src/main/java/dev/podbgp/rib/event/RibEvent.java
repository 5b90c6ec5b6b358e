package dev.podbgp.rib.event;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.Rib;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything that changes the RIB, as a value other threads hand to the RIB thread. Each maps to one {@link Rib}
 * call; {@link RibEventLoop#apply} is that mapping.
 */
public sealed interface RibEvent {

    /** A configured peer: its import settings (see {@link Rib#addPeer}). */
    record PeerAdded(PeerInfo peer, PeerImport settings) implements RibEvent {
    }

    /** The peer is deconfigured: its routes and settings go. */
    record PeerRemoved(PeerInfo peer) implements RibEvent {
    }

    /**
     * The session reached Established. {@code gracefulRestartPreserved}: families whose forwarding state the peer's
     * new OPEN says it kept (RFC 4724 §4.2); stale routes of the others go.
     */
    record PeerUp(PeerInfo peer, Set<Family> gracefulRestartPreserved) implements RibEvent {
        public PeerUp {
            gracefulRestartPreserved = Set.copyOf(gracefulRestartPreserved);
        }
    }

    /** The session closed without graceful restart: the peer's routes go. */
    record PeerDown(PeerInfo peer) implements RibEvent {
    }

    /** The session closed and the peer had announced graceful restart (see {@link Rib#peerRestarting}). */
    record PeerRestarting(PeerInfo peer, Set<Family> preserved, Duration restartTime,
            Map<Family, Duration> llgrStaleTime) implements RibEvent {
        public PeerRestarting {
            preserved = Set.copyOf(preserved);
            Objects.requireNonNull(restartTime, "restartTime");
            llgrStaleTime = Map.copyOf(llgrStaleTime);
        }
    }

    /** An UPDATE the peer's session decoded (treat-as-withdraw already applied by the decoder). */
    record UpdateReceived(PeerInfo peer, Update update) implements RibEvent {
    }

    /** End-of-RIB learnt some other way than from an UPDATE (e.g. the session gave up waiting for one). */
    record EndOfRib(PeerInfo peer, Family family) implements RibEvent {
    }

    /** The node originates one of its own prefixes (a podCIDR, a configured network). */
    record Originate(Prefix prefix, PathAttributes attributes) implements RibEvent {
    }

    record WithdrawOriginated(Prefix prefix) implements RibEvent {
    }

    /** New import settings for a peer (policy, allowas-in, limits); see {@link Rib#setImport}. */
    record ImportChanged(PeerInfo peer, PeerImport settings) implements RibEvent {
    }

    /** The caller's restart timer for a restarting peer fired (RFC 4724 §4.2). */
    record RestartTimerExpired(PeerInfo peer) implements RibEvent {
    }

    /** The caller's long-lived stale timer of one family fired (RFC 9494 §4.2). */
    record LlgrTimerExpired(PeerInfo peer, Family family) implements RibEvent {
    }

    /**
     * Runs {@code action} on the RIB thread with the RIB: how {@code show} commands and metrics read the tables
     * without locks. The action must not keep the RIB or change it.
     */
    record Inspect(Consumer<Rib> action) implements RibEvent {
    }
}
