package dev.podbgp.rib.event;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.PeerScope;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.out.Aggregate;
import dev.podbgp.rib.out.OutboundPeer;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything that changes the RIB or Adj-RIB-Out, as a value other threads hand to the RIB thread (DESIGN
 * "Threads": every change has a named event type). {@link RibEventLoop#apply} says what each one does.
 */
public sealed interface RibEvent {

    /** A configured peer: its import settings (see {@link Rib#addPeer}). */
    record PeerAdded(PeerInfo peer, PeerImport settings) implements RibEvent {
        public PeerAdded {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** The peer is deconfigured: its routes, its settings and its Adj-RIB-Out go. */
    record PeerRemoved(PeerInfo peer) implements RibEvent {
    }

    /**
     * The session reached Established. The peer is registered with {@code settings} unless it already is (a
     * reconnect keeps the settings it has); {@code forwardingPreserved}: families whose forwarding state the peer's
     * new OPEN says it kept (F bit, RFC 4724 §4.2), stale routes of the others go. The session joins Adj-RIB-Out as
     * {@code outbound}, replacing an earlier session of the same peer, and is sent the table then End-of-RIB.
     */
    record SessionEstablished(PeerInfo peer, PeerImport settings, Set<Family> forwardingPreserved,
            OutboundPeer outbound) implements RibEvent {
        public SessionEstablished {
            Objects.requireNonNull(settings, "settings");
            forwardingPreserved = Set.copyOf(forwardingPreserved);
            if (outbound.id() != peer.id()) {
                throw new IllegalArgumentException("outbound peer " + outbound.id() + " is not peer " + peer.id());
            }
        }
    }

    /** A session that never reached Established ended: nothing of it is in the RIB; it is sent nothing more. */
    record SessionClosed(int peerId) implements RibEvent {
    }

    /**
     * A peer whose session never reached Established left the configuration: nothing of it is in the RIB but what
     * scoped originations said to its address, which is forgotten ({@link Rib#forgetPeerAddress}).
     */
    record PeerUnconfigured(int peerId, IpAddress address) implements RibEvent {
    }

    /** The Established session closed without graceful restart: the peer's routes go, sending stops. */
    record PeerDown(PeerInfo peer) implements RibEvent {
    }

    /**
     * The Established session closed and the peer had announced graceful restart (see {@link Rib#peerRestarting}):
     * its routes of the {@code retained} families (those its Graceful Restart capability listed) stay, stale;
     * sending stops. The caller runs the timers and reports their expiry.
     */
    record PeerRestarting(PeerInfo peer, Set<Family> retained, Duration restartTime,
            Map<Family, Duration> llgrStaleTime) implements RibEvent {
        public PeerRestarting {
            retained = Set.copyOf(retained);
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

    /**
     * The node originates one of its own prefixes (a podCIDR, a configured network, a helper's route) for the peers
     * of {@code scope}, see {@link Rib#originate(Prefix, PathAttributes, PeerScope)}.
     */
    record Originate(Prefix prefix, PathAttributes attributes, PeerScope scope) implements RibEvent {

        public Originate(Prefix prefix, PathAttributes attributes) {
            this(prefix, attributes, PeerScope.EVERYONE);
        }
    }

    /** The peers of {@code scope} are no longer sent the node's route, see {@link Rib#withdrawOriginated}. */
    record WithdrawOriginated(Prefix prefix, PeerScope scope) implements RibEvent {

        public WithdrawOriginated(Prefix prefix) {
            this(prefix, PeerScope.EVERYONE);
        }
    }

    /** What was originated for {@code scope} is undone, its helper having ended, see {@link Rib#forgetOriginated}. */
    record ForgetOriginated(Prefix prefix, PeerScope scope) implements RibEvent {
    }

    /**
     * New import settings for a peer (policy, allowas-in, limits), see {@link Rib#setImport}; ignored while the
     * peer is not registered, since the settings it registers with are read when its session comes up.
     */
    record ImportChanged(PeerInfo peer, PeerImport settings) implements RibEvent {
    }

    /**
     * New export settings for the peer's running session (see {@link dev.podbgp.rib.out.AdjRibOut#changeProfile}):
     * it is sent the difference, without a reset. Ignored when the peer has no session in Adj-RIB-Out.
     */
    record ExportChanged(int peerId, PeerKind kind, boolean nextHopSelf, Policy exportPolicy) implements RibEvent {
        public ExportChanged {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(exportPolicy, "exportPolicy");
        }
    }

    /**
     * RFC 2918: the peer asked for our routes of {@code family} again (or the operator resends them); with
     * {@code enhanced} the answer is framed by BoRR/EoRR (RFC 7313 §4). Ignored when the peer has no session in
     * Adj-RIB-Out.
     */
    record RefreshRequested(int peerId, Family family, boolean enhanced) implements RibEvent {
        public RefreshRequested {
            Objects.requireNonNull(family, "family");
        }
    }

    /**
     * The configured aggregates from now on, the whole list (see {@link dev.podbgp.rib.out.AdjRibOut#setAggregates}):
     * each peer whose aggregates change is sent the difference, without a reset.
     */
    record AggregatesChanged(List<Aggregate> aggregates) implements RibEvent {
        public AggregatesChanged {
            aggregates = List.copyOf(aggregates);
        }
    }

    /**
     * RFC 7313 §4 BoRR: the peer starts re-sending {@code family}; its routes there are marked stale (see
     * {@link Rib#beginRefresh}). {@code round} names this refresh for its {@link RefreshStaleTimerExpired}.
     */
    record RefreshBegun(PeerInfo peer, Family family, long round) implements RibEvent {
        public RefreshBegun {
            Objects.requireNonNull(family, "family");
        }
    }

    /** RFC 7313 §4 EoRR: the peer's routes of {@code family} still stale since its BoRR go ({@link Rib#endRefresh}). */
    record RefreshEnded(PeerInfo peer, Family family) implements RibEvent {
        public RefreshEnded {
            Objects.requireNonNull(family, "family");
        }
    }

    /** No EoRR came within {@link Rib#REFRESH_STALE_TIME} of the BoRR {@code round}: its stale routes go. */
    record RefreshStaleTimerExpired(PeerInfo peer, Family family, long round) implements RibEvent {
        public RefreshStaleTimerExpired {
            Objects.requireNonNull(family, "family");
        }
    }

    /** The caller's restart timer for a restarting peer fired (RFC 4724 §4.2). */
    record RestartTimerExpired(PeerInfo peer) implements RibEvent {
    }

    /** The caller's long-lived stale timer of one family fired (RFC 9494 §4.2). */
    record LlgrTimerExpired(PeerInfo peer, Family family) implements RibEvent {
    }

    /**
     * Changes nothing: it ends a batch, so the loop's after-batch work runs (a peer's channel became writable again,
     * prefix counts are due).
     */
    record Wake() implements RibEvent {
    }

    /**
     * Runs {@code query} on the RIB thread with the RIB: how {@code show} commands and metrics read the tables
     * without locks. Read-only: the query must not keep the RIB or change it.
     */
    record Inspect(Consumer<Rib> query) implements RibEvent {
    }

    /**
     * A large change is over: the RIB gives back the table room it no longer needs ({@link Rib#trimTables()}), then
     * {@code done} runs, on the RIB thread, so that whoever asked can collect the old tables.
     */
    record TrimTables(Runnable done) implements RibEvent {
    }
}
