package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.transport.BgpSpeaker;
import dev.podbgp.bgp.transport.SpeakerConfig;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.PeerScope;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.RibListener;
import dev.podbgp.rib.event.RibEvent;
import dev.podbgp.rib.out.AdjRibOut;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The daemon's wiring (DESIGN data flow): Netty sessions feed UPDATEs to the one RIB thread; the RIB's Loc-RIB
 * changes go to the FIB writer and to Adj-RIB-Out, whose encoded UPDATEs are written back to the sessions.
 * Configuration arrives as {@link DesiredState}s, from a file or from Kubernetes; {@link #apply} converges to a new
 * one without resetting what it does not touch.
 *
 * <p>Who owns what, by thread ({@code docs/architecture.md} has the picture): the config thread calls
 * {@link #apply} ({@link PeerConvergence}, {@link PeerRegistry}); Netty event loops report sessions
 * ({@link SessionEvents}) into each peer's {@link PeerInbox}; "podbgp-rib" owns the RIB and Adj-RIB-Out
 * ({@link RibThread}, {@link PeerNotices}, {@link PrefixCountPublisher}); "podbgp-timers" runs
 * {@link RestartTimers}; the control socket's thread runs {@link NeighborCommands}, BFD and the link monitor report
 * into {@link PeerPaths}. The views below read what those threads published and never wait for them, except
 * {@link #query}.
 */
public final class Speaker implements AutoCloseable {

    private static final Duration COUNTS_CHECK = Duration.ofSeconds(1);

    private final Rib rib;
    private final AdjRibOut adjRibOut;
    private final PeerRegistry registry = new PeerRegistry();
    private final PrefixCountPublisher counts;
    private final RibThread ribThread;
    private final RestartTimers timers;
    private final BgpSpeaker transport;
    private final PeerConvergence convergence;
    private final NeighborCommands neighborCommands;
    private final PeerPaths paths;
    /** What the speaker runs: the configuration, with the default gateway's peer once it is known. */
    private volatile DesiredState state;
    /** The configuration as given, without the gateway's peer. */
    private DesiredState configured;
    /** The default route's gateway, for {@code defaultGatewayPeer}; empty while there is none. */
    private Optional<IpAddress> gateway = Optional.empty();
    private boolean closing;

    /** Present when this start is a restart, until it converged. */
    private final LocalRestart localRestart;

    private Speaker(DesiredState state, Optional<String> namespace, List<RibListener> locRibListeners, SpeakerEvents events,
            SessionInterfaces interfaces, Runnable restartConverged, LinkScopes scopes) {
        this.state = state;
        this.configured = state;
        BestPathOptions options = BestPathOptions.defaults(state.node().asn())
                .withMaxPaths(Math.max(1, state.fib().ecmpWidth()));
        this.rib = new Rib(state.node().routerId(), options);
        this.adjRibOut = new AdjRibOut(PeerSettings.node(state), rib);
        // Before the RIB thread starts, so the first peers' initial tables already carry them.
        adjRibOut.setAggregates(Aggregates.of(state));
        rib.addListener(adjRibOut);
        locRibListeners.forEach(rib::addListener);
        this.counts = new PrefixCountPublisher(rib, adjRibOut, registry::slots);
        this.ribThread = new RibThread(rib, adjRibOut, registry.backlogged(), counts);
        this.timers = new RestartTimers(ribThread);
        rib.addNoticeListener(new PeerNotices(registry, timers));
        this.localRestart = restartConverged == null ? null : new LocalRestart(registry, () -> restartOver(restartConverged));
        if (localRestart != null) {
            rib.addNoticeListener(localRestart);
        }
        SpeakerConfig config = new SpeakerConfig(List.of(new InetSocketAddress(SessionMapper.inet(state.listen().address()),
                state.listen().port())), 1, true, null);
        if (namespace.isPresent()) {
            config = config.withThreadFactory(dev.podbgp.fib.netns.NetworkNamespace.named(namespace.get()).threadFactory(config.threadFactory()));
        }
        ribThread.start();
        timers.every(COUNTS_CHECK, () -> {
            if (counts.stale()) {
                ribThread.wake();
            }
        });
        this.transport = BgpSpeaker.start(config, new SessionEvents(registry, ribThread, timers, () -> this.state, events,
                interfaces, NodeAddresses.KERNEL));
        transport.restarting(localRestart != null);
        this.convergence = new PeerConvergence(registry, transport, ribThread, timers, scopes,
                new ServiceOrigination(ribThread::post));
        this.neighborCommands = new NeighborCommands(registry, ribThread);
        this.paths = new PeerPaths(registry, ribThread, timers);
    }

    /**
     * Starts listening and peering for {@code state}: originates its prefixes and brings up a session per peer.
     *
     * @param namespace a named network namespace to open the sockets in (lab use); empty for the daemon's own
     *     namespace
     * @param locRibListeners who else sees Loc-RIB changes, on the RIB thread (the FIB writer)
     */
    public static Speaker start(DesiredState state, Optional<String> namespace, List<RibListener> locRibListeners,
            SpeakerEvents events) {
        return start(state, namespace, locRibListeners, events, new SessionInterfaces(local -> Optional.empty()));
    }

    /**
     * Like {@link #start(DesiredState, Optional, List, SpeakerEvents)}; each session that comes up tells
     * {@code interfaces} its addresses, so the FIB ({@link FibBridge}) can find its interface.
     */
    public static Speaker start(DesiredState state, Optional<String> namespace, List<RibListener> locRibListeners,
            SpeakerEvents events, SessionInterfaces interfaces) {
        return start(state, namespace, locRibListeners, events, interfaces, new LinkScopes());
    }

    /** Like {@link #start(DesiredState, Optional, List, SpeakerEvents, SessionInterfaces)}, connecting to unnumbered peers through {@code scopes}. */
    public static Speaker start(DesiredState state, Optional<String> namespace, List<RibListener> locRibListeners,
            SpeakerEvents events, SessionInterfaces interfaces, LinkScopes scopes) {
        Speaker s = new Speaker(state, namespace, locRibListeners, events, interfaces, null, scopes);
        s.convergence.start(state);
        return s;
    }

    /**
     * Like {@link #start(DesiredState, Optional, List, SpeakerEvents)} for a restart: the kernel still forwards with
     * the last run's routes. Our OPENs carry the R bit (RFC 4724 §4.1) until every configured peer's End-of-RIB has
     * been applied, or {@code deferral} is over; then {@code converged} runs once (the FIB writer sweeps what the RIB
     * did not ask for again) and later OPENs are plain.
     */
    public static Speaker restart(DesiredState state, Optional<String> namespace, List<RibListener> locRibListeners,
            SpeakerEvents events, SessionInterfaces interfaces, Duration deferral, Runnable converged) {
        return restart(state, namespace, locRibListeners, events, interfaces, deferral, converged, new LinkScopes());
    }

    /** Like {@link #restart(DesiredState, Optional, List, SpeakerEvents, SessionInterfaces, Duration, Runnable)}, with {@code scopes}. */
    public static Speaker restart(DesiredState state, Optional<String> namespace, List<RibListener> locRibListeners,
            SpeakerEvents events, SessionInterfaces interfaces, Duration deferral, Runnable converged, LinkScopes scopes) {
        Speaker s = new Speaker(state, namespace, locRibListeners, events, interfaces, converged, scopes);
        s.convergence.start(state);
        s.localRestart.start(s.timers, deferral);
        return s;
    }

    /**
     * Converges to {@code next}: new peers start, removed ones end with Cease/Peer De-configured, session-affecting
     * changes reset only that peer, policy-only changes are applied to the RIB (re-evaluated, or a ROUTE-REFRESH
     * asked for) without a reset; originated prefixes follow.
     *
     * @return what changed
     * @throws IllegalArgumentException when the change needs a restart (AS, router id, listen address)
     */
    public synchronized DesiredStateDiff apply(DesiredState next) {
        DesiredStateDiff diff = DesiredStateDiff.between(configured, next);
        if (!diff.restartRequired().isEmpty()) {
            throw new IllegalArgumentException("these changes need a restart of podbgp: " + diff.restartRequired());
        }
        configured = next;
        converge(withGateway(next, gateway));
        return diff;
    }

    /**
     * The default route's gateway is now {@code next} (empty: no default route). With {@code defaultGatewayPeer}
     * configured, the peer follows it as a reload would: the old gateway's session ends with Cease/Peer
     * De-configured, the new one's starts, nothing else is touched.
     *
     * @return whether the peers changed
     */
    public synchronized boolean gatewayChanged(Optional<IpAddress> next) {
        if (next.equals(gateway)) {
            return false;
        }
        gateway = next;
        DesiredState previous = state;
        DesiredState effective = withGateway(configured, next);
        converge(effective);
        return !previous.peers().equals(effective.peers());
    }

    private void converge(DesiredState next) {
        DesiredState previous = state;
        state = next;
        convergence.converge(previous, next, DesiredStateDiff.between(previous, next));
    }

    /** {@code s} with the gateway's peer, unless there is none or the gateway is a configured peer already. */
    static DesiredState withGateway(DesiredState s, Optional<IpAddress> gateway) {
        if (s.gatewayPeer().isEmpty() || gateway.isEmpty() || gateway.get().family() != s.gatewayPeer().get().family()
                || s.peer(gateway.get()).isPresent()) {
            return s;
        }
        return s.withPeer(s.gatewayPeer().get().at(gateway.get()));
    }

    /** Our restart converged: OPENs from now on are plain, and {@code converged} runs. */
    private void restartOver(Runnable converged) {
        transport.restarting(false);
        converged.run();
    }

    public DesiredState state() {
        return state;
    }

    // ---- operator commands ----

    /**
     * {@code announce route ...}: the node originates the prefixes with the command's attributes (ORIGIN IGP and an
     * empty AS_PATH unless given). Originated routes use this node as next hop, so a {@code next-hop} address in
     * the command is not used.
     */
    public void originate(Command.Announce announce) {
        originate(announce, PeerScope.EVERYONE);
    }

    /** {@code announce route ...} for the peers of {@code scope} only (a helper's {@code neighbor A announce ...}). */
    public void originate(Command.Announce announce, PeerScope scope) {
        var attributes = Origination.of(announce);
        for (var entry : announce.routes()) {
            ribThread.post(new RibEvent.Originate(entry.prefix(), attributes, scope));
        }
    }

    public void withdrawOriginated(Command.Withdraw withdraw) {
        withdrawOriginated(withdraw, PeerScope.EVERYONE);
    }

    /** {@code withdraw route ...} for the peers of {@code scope}; the others keep what they were sent. */
    public void withdrawOriginated(Command.Withdraw withdraw, PeerScope scope) {
        for (var entry : withdraw.routes()) {
            ribThread.post(new RibEvent.WithdrawOriginated(entry.prefix(), scope));
        }
    }

    /** Undoes what was originated for {@code scope} at these prefixes (a helper ended), see {@code Rib}. */
    public void forgetOriginated(List<Prefix> prefixes, PeerScope scope) {
        for (Prefix p : prefixes) {
            ribThread.post(new RibEvent.ForgetOriginated(p, scope));
        }
    }

    /** The operator's {@code clear neighbor} commands. */
    public NeighborCommands neighborCommands() {
        return neighborCommands;
    }

    /** Where BFD and the link monitor report the path to a peer. */
    public PeerPaths paths() {
        return paths;
    }

    // ---- views ----

    /** Runs {@code query} on the RIB thread and waits for it: a consistent view for show and metrics. */
    public <T> T query(Function<Rib, T> query, Duration timeout) throws InterruptedException {
        return ribThread.query(query, timeout);
    }

    /**
     * A large change is over: the RIB thread gives back the room its tables no longer need, and this waits for it
     * (the daemon's heap trim collects the old tables next). False when it did not finish within {@code timeout}.
     */
    public boolean trimTables(Duration timeout) throws InterruptedException {
        return ribThread.trimTables(timeout);
    }

    /**
     * The peer's prefix counts as the RIB thread last published them (at most {@link PrefixCountPublisher#EVERY}
     * old). Any thread, no waiting: {@code show neighbors} and the metrics must answer while a full table is loading.
     */
    public PrefixCounts prefixCounts(IpAddress address) {
        PeerSlot slot = registry.byAddress(address);
        return slot == null ? PrefixCounts.NONE : slot.prefixCounts;
    }

    /** Loc-RIB prefixes as the RIB thread last published them; any thread, no waiting. */
    public int locRibSize() {
        return counts.locRibSize();
    }

    /** All peers' Adj-RIB-In routes (every path of every prefix) as the RIB thread last published them; any thread. */
    public long pathCount() {
        return counts.paths();
    }

    public Collection<PeerStatus> peers() {
        List<PeerStatus> out = new ArrayList<>();
        for (PeerSlot s : registry.slots()) {
            out.add(s.status());
        }
        out.sort(Comparator.comparing(PeerStatus::address));
        return out;
    }

    /** The RIB, for tests and benchmarks that read it after the RIB thread is quiet; the daemon uses {@link #query}. */
    public Rib ribForQueries() {
        return rib;
    }

    public AdjRibOut adjRibOut() {
        return adjRibOut;
    }

    /**
     * Sends Cease/Administrative Shutdown with {@code communication} to every peer (as a Hard Reset where N was
     * negotiated, RFC 8538 §5: the peers drop our routes) and stops.
     */
    public synchronized void shutdown(String communication) {
        if (closing) {
            return;
        }
        closing = true;
        transport.shutdown(communication);
        ribThread.close();
        timers.close();
    }

    /**
     * The hitless stop before a restart: every peer is left keeping our routes as stale until we are back and send
     * End-of-RIB. Where N was negotiated the session ends with Cease/Administrative Reset and {@code communication}
     * (RFC 8538 §4), where the peer announced Graceful Restart without N the connection closes without NOTIFICATION
     * (RFC 4724 §4.1), and a peer without Graceful Restart gets Cease/Administrative Shutdown as in
     * {@link #shutdown}. The RIB stops first, so no withdrawal (or any UPDATE) is sent to one peer because another's
     * session ended, and nothing reaches the Loc-RIB listeners (the FIB) after this call begins.
     */
    public synchronized void shutdownForRestart(String communication) {
        if (closing) {
            return;
        }
        closing = true;
        ribThread.close();
        transport.shutdownForRestart(communication);
        timers.close();
    }

    @Override
    public void close() {
        shutdown("podbgp stopping");
    }
}
