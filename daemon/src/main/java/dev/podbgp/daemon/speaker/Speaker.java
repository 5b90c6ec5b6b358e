package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.BgpSpeaker;
import dev.podbgp.bgp.transport.PeerListener;
import dev.podbgp.bgp.transport.SpeakerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.capability.LongLivedGracefulRestart;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.config.PeerKindSpec;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.DesiredState;
import dev.podbgp.config.state.DesiredStateDiff;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathOptions;
import dev.podbgp.rib.ImportPolicy;
import dev.podbgp.rib.PeerImport;
import dev.podbgp.rib.PeerInfo;
import dev.podbgp.rib.PeerNotice;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.RibListener;
import dev.podbgp.rib.event.RibEvent;
import dev.podbgp.rib.event.RibEventLoop;
import dev.podbgp.rib.out.AdjRibOut;
import dev.podbgp.rib.out.NodeSettings;
import dev.podbgp.rib.out.OutboundPeer;
import dev.podbgp.rib.policy.ImportPipeline;
import dev.podbgp.rib.policy.MaxPrefixVerdict;
import dev.podbgp.rib.policy.PeerKind;
import dev.podbgp.rib.policy.PodCidrGuard;
import dev.podbgp.rib.policy.Policy;
import dev.podbgp.rib.policy.PolicyContext;
import dev.podbgp.rib.policy.RoleConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The daemon's wiring (DESIGN data flow): Netty sessions feed UPDATEs to the one RIB thread;
 * the RIB's Loc-RIB changes go to the FIB writer and to Adj-RIB-Out, whose encoded UPDATEs are
 * written back to the sessions. Configuration arrives as {@link DesiredState}s, from a file or
 * from Kubernetes; {@link #apply} converges to a new one without resetting what it does not touch.
 *
 * <p>Threads: Netty event loops call the {@link PeerListener} and never block; everything RIB-
 * side runs on the platform thread "podbgp-rib"; a scheduler thread fires graceful-restart and
 * max-prefix restart timers by posting events to the RIB thread.
 */
public final class Speaker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("podbgp.speaker");
    private static final int QUEUE_CAPACITY = 16_384;
    private static final int MAX_BATCH = 256;

    private final Rib rib;
    private final RibEventLoop loop;
    private final AdjRibOut adjRibOut;
    private final BgpSpeaker transport;
    private final Thread ribThread;
    private final ScheduledExecutorService timers;
    private final Map<IpAddress, PeerSlot> slots = new ConcurrentHashMap<>();
    private final Map<Integer, PeerSlot> slotsById = new ConcurrentHashMap<>();
    // Callbacks are matched by session object, not address: after a reset the old session's
    // last events must not reach the new entry for the same address.
    private final Map<BgpPeer, PeerSlot> slotsBySession = new ConcurrentHashMap<>();
    private final SpeakerEvents events;
    private volatile DesiredState state;
    private int nextPeerId;
    private volatile boolean closing;
    private static final Duration COUNTS_EVERY = Duration.ofMillis(200);
    private volatile int locRibSize;
    private volatile boolean countsStale;
    // RIB thread only.
    private long countsPublishedAt = System.nanoTime() - COUNTS_EVERY.toNanos();

    private Speaker(DesiredState state, Optional<String> namespace, List<RibListener> locRibListeners, SpeakerEvents events) {
        this.state = state;
        this.events = events;
        long asn = state.node().asn();
        Ipv4Address routerId = state.node().routerId();
        BestPathOptions options = BestPathOptions.defaults(asn).withMaxPaths(Math.max(1, state.fib().ecmpWidth()));
        this.rib = new Rib(routerId, options, ImportPolicy.ACCEPT_ALL);
        this.adjRibOut = new AdjRibOut(nodeSettings(state));
        rib.addListener(adjRibOut);
        locRibListeners.forEach(rib::addListener);
        rib.addNoticeListener(this::onPeerNotice);
        this.loop = new RibEventLoop(rib, QUEUE_CAPACITY, MAX_BATCH, this::afterBatch,
                (event, failure) -> LOG.log(System.Logger.Level.ERROR, "event=rib-failure rib-event=" + event.getClass().getSimpleName(), failure));
        this.ribThread = Thread.ofPlatform().name("podbgp-rib").unstarted(this::runRib);
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("podbgp-timers").daemon().factory());
        SpeakerConfig config = new SpeakerConfig(List.of(new InetSocketAddress(SessionMapper.inet(state.listen().address()),
                state.listen().port())), 1, true, null);
        if (namespace.isPresent()) {
            config = config.withThreadFactory(dev.podbgp.fib.netns.NetworkNamespace.named(namespace.get()).threadFactory(config.threadFactory()));
        }
        ribThread.start();
        timers.scheduleWithFixedDelay(() -> {
            if (countsStale) {
                loop.offer(new RibEvent.Inspect(r -> { }));
            }
        }, 1, 1, TimeUnit.SECONDS);
        this.transport = BgpSpeaker.start(config, new Sessions());
    }

    /**
     * Starts listening and peering for {@code state}: originates its prefixes and brings up a
     * session per peer.
     *
     * @param namespace a named network namespace to open the sockets in (lab use); empty for the
     *     daemon's own namespace
     * @param locRibListeners who else sees Loc-RIB changes, on the RIB thread (the FIB writer)
     */
    public static Speaker start(DesiredState state, Optional<String> namespace, List<RibListener> locRibListeners,
            SpeakerEvents events) {
        Speaker s = new Speaker(state, namespace, locRibListeners, events);
        for (Prefix p : state.originated()) {
            s.post(new RibEvent.Originate(p, originAttributes()));
        }
        for (DesiredPeer p : state.peers()) {
            s.addPeer(p);
        }
        return s;
    }

    // ---- configuration ----

    /**
     * Converges to {@code next}: new peers start, removed ones end with Cease/Peer De-configured,
     * session-affecting changes reset only that peer, policy-only changes are applied to the RIB
     * (re-evaluated, or a ROUTE-REFRESH asked for) without a reset; originated prefixes follow.
     *
     * @return what changed
     * @throws IllegalArgumentException when the change needs a restart (AS, router id, listen address)
     */
    public synchronized DesiredStateDiff apply(DesiredState next) {
        DesiredState previous = state;
        DesiredStateDiff diff = DesiredStateDiff.between(previous, next);
        if (!diff.restartRequired().isEmpty()) {
            throw new IllegalArgumentException("these changes need a restart of podbgp: " + diff.restartRequired());
        }
        state = next;
        boolean importContextChanged = !previous.originated().equals(next.originated())
                || !previous.clusterPodCidrs().equals(next.clusterPodCidrs()) || !previous.policies().equals(next.policies());
        for (DesiredPeer removed : diff.peersRemoved()) {
            removePeer(removed.address());
        }
        for (Prefix p : diff.originatedRemoved()) {
            post(new RibEvent.WithdrawOriginated(p));
        }
        for (Prefix p : diff.originatedAdded()) {
            post(new RibEvent.Originate(p, originAttributes()));
        }
        Set<IpAddress> reset = new LinkedHashSet<>();
        reset.addAll(diff.peersToReset());
        for (DesiredPeer p : next.peers()) {
            PeerSlot slot = slots.get(p.address());
            // The RIB ranks and reflects by PeerInfo, fixed for a session: a new client role needs one.
            if (slot != null && slot.desired.routeReflectorClient() != p.routeReflectorClient()) {
                reset.add(p.address());
            }
        }
        for (IpAddress address : reset) {
            removePeer(address);
            next.peer(address).ifPresent(this::addPeer);
        }
        for (DesiredPeer added : diff.peersAdded()) {
            addPeer(added);
        }
        for (DesiredPeer p : next.peers()) {
            PeerSlot slot = slots.get(p.address());
            if (slot == null || reset.contains(p.address())) {
                continue;
            }
            boolean changed = !slot.desired.equals(p);
            slot.desired = p;
            if (changed || importContextChanged) {
                onRibThread(r -> reconfigure(slot));
            }
        }
        return diff;
    }

    public DesiredState state() {
        return state;
    }

    private void addPeer(DesiredPeer desired) {
        PeerSlot slot = new PeerSlot(nextPeerId++, desired);
        slots.put(desired.address(), slot);
        slotsById.put(slot.id, slot);
        slot.bgp = transport.addPeer(SessionMapper.peerConfig(state.node(), desired, state.gracefulRestart()));
        slotsBySession.put(slot.bgp, slot);
    }

    private void removePeer(IpAddress address) {
        PeerSlot slot = slots.remove(address);
        if (slot == null) {
            return;
        }
        transport.deconfigurePeer(SessionMapper.inet(address));
        // Through the slot: behind every event its session handed on, and the last one accepted,
        // so nothing the session still delivers can re-register it or leave routes behind.
        slot.close(new RibEvent.Inspect(r -> {
            leaveAdjRibOut(slot);
            cancelRestartTimers(slot);
            if (slot.registeredInRib) {
                rib.removePeer(slot.info);
                slot.registeredInRib = false;
            }
            slotsById.remove(slot.id);
            slotsBySession.remove(slot.bgp);
        }), loop::offer);
    }

    // ---- RIB thread ----

    private void runRib() {
        try {
            loop.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onRibThread(Consumer<Rib> action) {
        post(new RibEvent.Inspect(action));
    }

    /** From a thread that may wait (not an event loop): the event is never dropped. */
    private void post(RibEvent event) {
        try {
            loop.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing an event to the RIB", e);
        }
    }

    /** Runs {@code query} on the RIB thread and waits for it: a consistent view for show and metrics. */
    public <T> T query(java.util.function.Function<Rib, T> query, Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Object[] result = new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        loop.put(new RibEvent.Inspect(r -> {
            try {
                result[0] = query.apply(r);
            } catch (RuntimeException e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        }));
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the RIB did not answer within " + timeout);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private void afterBatch() {
        for (PeerSlot slot : slotsById.values()) {
            slot.release(loop::offer);
            if (slot.inAdjRibOut) {
                BgpPeer b = slot.bgp;
                adjRibOut.setWritable(slot.id, b != null && b.isWritable());
            }
        }
        adjRibOut.flush((peer, messages) -> {
            PeerSlot slot = slotsById.get(peer.id());
            if (slot != null && slot.bgp != null && slot.joinedSession != null) {
                slot.bgp.sendEncoded(messages, slot.joinedSession);
                slot.updatesOut.addAndGet(messages.size());
            }
        });
        publishCounts();
    }

    private void established(PeerSlot slot, PeerInfo info, NegotiatedSession n) {
        DesiredPeer desired = slot.desired;
        if (!slot.registeredInRib) {
            rib.addPeer(info, peerImport(desired));
            slot.registeredInRib = true;
        }
        cancelRestartTimers(slot);
        rib.peerUp(info, preservedFamilies(n));
        leaveAdjRibOut(slot);
        adjRibOut.addPeer(outboundPeer(slot, info, n));
        slot.inAdjRibOut = true;
        slot.joinedSession = n;
    }

    private void cancelRestartTimers(PeerSlot slot) {
        slot.restartGeneration++;
        slot.restartTimers.forEach(t -> t.cancel(false));
        slot.restartTimers.clear();
    }

    /** {@code n} and {@code info}: the session that ended, captured on its event loop. */
    private void down(PeerSlot slot, SessionReport.SessionDown down, NegotiatedSession n, PeerInfo info) {
        leaveAdjRibOut(slot);
        slot.joinedSession = null;
        if (!slot.registeredInRib || !down.wasEstablished() || info == null) {
            return;
        }
        Set<Family> preserved = n == null ? Set.of() : preservedFamilies(n);
        Map<Family, Duration> llgr = n == null ? Map.of() : llgrStaleTimes(n);
        // RFC 4724 §4.2: a session that ended without a NOTIFICATION (the peer restarting) keeps
        // the peer's routes as stale when it announced Graceful Restart; a NOTIFICATION ends them.
        if (state.gracefulRestart().enabled() && down.notification().isEmpty() && (!preserved.isEmpty() || !llgr.isEmpty())) {
            Duration restart = Duration.ofSeconds(peerRestartTime(n));
            rib.peerRestarting(info, preserved, restart, llgr);
            int generation = slot.restartGeneration;
            // Checked on the RIB thread: a timer of a restart the peer already came back from does nothing.
            slot.restartTimers.add(timers.schedule(() -> post(new RibEvent.Inspect(r -> {
                if (slot.restartGeneration == generation) {
                    r.restartTimerExpired(info);
                }
            })), restart.toMillis(), TimeUnit.MILLISECONDS));
            llgr.forEach((family, stale) -> slot.restartTimers.add(timers.schedule(() -> post(new RibEvent.Inspect(r -> {
                if (slot.restartGeneration == generation) {
                    r.llgrTimerExpired(info, family);
                }
            })), restart.plus(stale).toMillis(), TimeUnit.MILLISECONDS)));
        } else {
            rib.peerDown(info);
        }
    }

    private void leaveAdjRibOut(PeerSlot slot) {
        if (slot.inAdjRibOut) {
            adjRibOut.removePeer(slot.id);
            slot.inAdjRibOut = false;
        }
    }

    /** A policy, max-prefix or role change of an established peer, applied without a reset. */
    private void reconfigure(PeerSlot slot) {
        if (slot.registeredInRib) {
            // Without soft reconfiguration the RIB answers with a RouteRefreshNeeded notice, which
            // onPeerNotice turns into a ROUTE-REFRESH.
            rib.setImport(slot.info, peerImport(slot.desired));
        }
        NegotiatedSession n = slot.negotiated;
        if (slot.inAdjRibOut && n != null) {
            // A new export policy puts the peer in another update group, which sends it the
            // difference: withdrawals for what it no longer gets, then the new announcements.
            adjRibOut.changeProfile(outboundPeer(slot, slot.info, n));
        }
    }

    private void requestRefresh(PeerSlot slot) {
        NegotiatedSession n = slot.negotiated;
        BgpPeer b = slot.bgp;
        if (n != null && b != null && n.peerAcceptsRouteRefresh()) {
            n.families().forEach(b::requestRefresh);
        }
    }

    private void onPeerNotice(PeerNotice notice) {
        switch (notice) {
            case PeerNotice.MaxPrefix m -> {
                PeerSlot slot = slotsById.get(m.peer().id());
                if (slot == null) {
                    return;
                }
                switch (m.verdict()) {
                    case MaxPrefixVerdict.TearDown t -> {
                        slot.lastError = "maximum prefixes exceeded (" + t.count() + ") in " + m.family();
                        LOG.log(System.Logger.Level.WARNING, "event=max-prefix-teardown peer=" + slot.desired.address()
                                + " family=\"" + m.family() + "\" count=" + t.count());
                        slot.bgp.tearDown(t.notification());
                        t.restartAfter().ifPresent(after -> timers.schedule(() -> {
                            if (slots.get(slot.desired.address()) == slot) {
                                slot.bgp.restart();
                            }
                        }, after.toMillis(), TimeUnit.MILLISECONDS));
                    }
                    case MaxPrefixVerdict.Warn w -> LOG.log(System.Logger.Level.WARNING, "event=max-prefix-warning peer="
                            + slot.desired.address() + " family=\"" + m.family() + "\" count=" + w.count());
                    case MaxPrefixVerdict.StopAccepting s -> LOG.log(System.Logger.Level.WARNING,
                            "event=max-prefix-stop-accepting peer=" + slot.desired.address() + " family=\"" + m.family() + "\"");
                    case MaxPrefixVerdict.Ok ok -> { }
                }
            }
            case PeerNotice.RouteRefreshNeeded r -> {
                PeerSlot slot = slotsById.get(r.peer().id());
                if (slot != null) {
                    requestRefresh(slot);
                }
            }
        }
    }

    // ---- mapping ----

    private static NodeSettings nodeSettings(DesiredState s) {
        Ipv4Address clusterId = s.roles().clusterId().orElse(s.node().routerId());
        return new NodeSettings(s.node().asn(), s.node().routerId(), clusterId,
                new RoleConfig(s.roles().routeReflector(), s.roles().transit()));
    }

    private PeerImport peerImport(DesiredPeer p) {
        DesiredState s = state;
        PeerKind kind = kind(p);
        Policy policy = p.importPolicy().map(name -> PolicyMapper.policy(s.policies().get(name)))
                .orElseGet(() -> Policy.acceptAll("accept-all"));
        ImportPipeline pipeline = new ImportPipeline(new PodCidrGuard(s.originated(), s.clusterPodCidrs()), kind, policy);
        PolicyContext context = PolicyContext.of(p.address(), p.asn(), s.node().asn());
        Optional<Ipv4Address> clusterId = s.roles().routeReflector()
                ? Optional.of(s.roles().clusterId().orElse(s.node().routerId())) : Optional.empty();
        PeerImport imp = new PeerImport(pipeline, context, 0, clusterId, Map.of(), false);
        if (p.maxPrefix().isPresent()) {
            for (Family f : SessionMapper.families(p.families())) {
                imp = imp.withMaxPrefix(f, PolicyMapper.maxPrefix(p.maxPrefix().get()));
            }
        }
        return imp;
    }

    private OutboundPeer outboundPeer(PeerSlot slot, PeerInfo info, NegotiatedSession n) {
        DesiredState s = state;
        DesiredPeer p = slot.desired;
        Ipv4Address self4 = null;
        Ipv6Address self6 = null;
        Optional<InetSocketAddress> local = slot.bgp.localAddress();
        if (local.isPresent()) {
            IpAddress a = IpAddress.ofBytes(local.get().getAddress().getAddress());
            if (a instanceof Ipv4Address v4) {
                self4 = v4;
            } else if (a instanceof Ipv6Address v6) {
                self6 = v6;
            }
        }
        Policy export = p.exportPolicy().map(name -> PolicyMapper.policy(s.policies().get(name)))
                .orElseGet(() -> Policy.acceptAll("accept-all"));
        return new OutboundPeer(info, kind(p), p.nextHopSelf(), self4, self6, export, n.codec(), n.families());
    }

    private static PeerKind kind(DesiredPeer p) {
        return p.kind() == PeerKindSpec.MESH ? PeerKind.MESH : PeerKind.EXTERNAL;
    }

    /** RFC 4724 §3: the families whose forwarding state the peer keeps across its restart. */
    private static Set<Family> preservedFamilies(NegotiatedSession n) {
        Set<Family> out = new LinkedHashSet<>();
        for (GracefulRestart gr : n.peerOpen().capabilities(GracefulRestart.class)) {
            for (GracefulRestart.Entry e : gr.entries()) {
                if (e.forwardingState() && n.families().contains(e.family())) {
                    out.add(e.family());
                }
            }
        }
        return out;
    }

    private static int peerRestartTime(NegotiatedSession n) {
        return n.peerOpen().capabilities(GracefulRestart.class).stream().mapToInt(GracefulRestart::restartTime).findFirst().orElse(0);
    }

    private static Map<Family, Duration> llgrStaleTimes(NegotiatedSession n) {
        Map<Family, Duration> out = new HashMap<>();
        for (LongLivedGracefulRestart llgr : n.peerOpen().capabilities(LongLivedGracefulRestart.class)) {
            for (LongLivedGracefulRestart.Entry e : llgr.entries()) {
                if (e.staleTime() > 0 && n.families().contains(e.family())) {
                    out.put(e.family(), Duration.ofSeconds(e.staleTime()));
                }
            }
        }
        return out;
    }

    static PathAttributes originAttributes() {
        return PathAttributes.of(Origin.IGP, AsPath.EMPTY);
    }

    // ---- operator commands ----

    /**
     * {@code announce route ...}: the node originates the prefixes with the command's attributes
     * (ORIGIN IGP and an empty AS_PATH unless given). Originated routes use this node as next hop,
     * so a {@code next-hop} address in the command is not used.
     */
    public void originate(dev.podbgp.bgp.exabgp.Command.Announce announce) {
        PathAttributes attrs = announce.attributes();
        if (attrs.origin() == null) {
            attrs = attrs.with(Origin.IGP);
        }
        if (attrs.asPath() == null) {
            attrs = attrs.with(AsPath.EMPTY);
        }
        for (var entry : announce.routes()) {
            post(new RibEvent.Originate(entry.prefix(), attrs));
        }
    }

    public void withdrawOriginated(dev.podbgp.bgp.exabgp.Command.Withdraw withdraw) {
        for (var entry : withdraw.routes()) {
            post(new RibEvent.WithdrawOriginated(entry.prefix()));
        }
    }

    // ---- views ----

    /**
     * Prefixes received from the peer (every announcement its import saw, accepted or not),
     * accepted (in its Adj-RIB-In now) and advertised to it (its update group's table), as the
     * RIB thread last published them (at most {@link #COUNTS_EVERY} old). Any thread, no waiting:
     * {@code show neighbors} and the metrics must answer while a full table is loading.
     */
    public long[] prefixCounts(IpAddress address) {
        PeerSlot slot = slots.get(address);
        return slot == null ? new long[3] : slot.prefixCounts;
    }

    /** Loc-RIB prefixes as the RIB thread last published them; any thread, no waiting. */
    public int locRibSize() {
        return locRibSize;
    }

    /** On the RIB thread: refreshes the counts the views read, at most every {@link #COUNTS_EVERY}. */
    private void publishCounts() {
        long now = System.nanoTime();
        // Under load at most every COUNTS_EVERY; as soon as the queue is empty, exact.
        if (now - countsPublishedAt < COUNTS_EVERY.toNanos() && loop.backlog() > 0) {
            // The timer below wakes the RIB thread once things are quiet, so the last change is shown too.
            countsStale = true;
            return;
        }
        countsStale = false;
        countsPublishedAt = now;
        locRibSize = rib.prefixCount();
        for (PeerSlot slot : slotsById.values()) {
            if (!slot.registeredInRib) {
                continue;
            }
            var stats = rib.importStats(slot.info);
            long advertised = slot.inAdjRibOut ? adjRibOut.group(slot.id).tableSize() : 0;
            slot.prefixCounts = new long[] {stats.accepted() + stats.rejected() + stats.refusedByMaxPrefix(),
                    stats.adjRibIn(), advertised};
        }
    }

    public Collection<PeerStatus> peers() {
        List<PeerStatus> out = new ArrayList<>();
        for (PeerSlot s : slots.values()) {
            out.add(new PeerStatus(s.desired.address(), s.desired.asn(), s.bgp.state(), s.since, s.lastError,
                    s.updatesIn.get(), s.updatesOut.get(), s.flaps.get(), s.paused()));
        }
        out.sort((a, b) -> a.address().compareTo(b.address()));
        return out;
    }

    public Rib ribForQueries() {
        return rib;
    }

    public AdjRibOut adjRibOut() {
        return adjRibOut;
    }

    /** Sends Cease/Administrative Shutdown with {@code communication} to every peer and stops. */
    public synchronized void shutdown(String communication) {
        if (closing) {
            return;
        }
        closing = true;
        transport.shutdown(communication);
        loop.close();
        timers.shutdownNow();
        try {
            ribThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown("podbgp stopping");
    }

    /** The listener the transport calls on its event loops; hands everything to the RIB thread. */
    private final class Sessions implements PeerListener {

        private PeerSlot slot(BgpPeer peer) {
            return slotsBySession.get(peer);
        }

        @Override
        public void stateChanged(BgpPeer peer, SessionState from, SessionState to) {
            PeerSlot s = slot(peer);
            if (s != null) {
                s.since = Instant.now();
                if (from == SessionState.ESTABLISHED) {
                    s.flaps.incrementAndGet();
                }
            }
            events.stateChanged(peer.config().address(), from, to);
        }

        @Override
        public void established(BgpPeer peer, NegotiatedSession session) {
            PeerSlot s = slot(peer);
            if (s != null) {
                // Set here, before any UPDATE of the session is handed on: they carry this PeerInfo.
                DesiredPeer desired = s.desired;
                PeerInfo info = new PeerInfo(s.id, desired.address(), session.peerAs(), session.peerId(),
                        session.peerAs() == state.node().asn(), desired.routeReflectorClient());
                s.info = info;
                s.negotiated = session;
                s.lastError = "";
                s.submit(new RibEvent.Inspect(r -> Speaker.this.established(s, info, session)), loop::offer);
                if (s.paused()) {
                    // A new connection reads by default; the RIB is still behind this peer.
                    peer.pauseReading();
                }
            }
        }

        @Override
        public void update(BgpPeer peer, Update update) {
            PeerSlot s = slot(peer);
            if (s != null && s.info != null) {
                s.updatesIn.incrementAndGet();
                s.submit(new RibEvent.UpdateReceived(s.info, update), loop::offer);
            }
        }

        @Override
        public void endOfRib(BgpPeer peer, Family family) {
            PeerSlot s = slot(peer);
            if (s != null && s.info != null) {
                s.submit(new RibEvent.EndOfRib(s.info, family), loop::offer);
            }
        }

        @Override
        public void refreshRequested(BgpPeer peer, Family family, boolean enhanced) {
            PeerSlot s = slot(peer);
            if (s != null) {
                s.submit(new RibEvent.Inspect(r -> {
                    if (s.inAdjRibOut) {
                        adjRibOut.routeRefresh(s.id);
                    }
                }), loop::offer);
            }
        }

        @Override
        public void down(BgpPeer peer, SessionReport.SessionDown down) {
            PeerSlot s = slot(peer);
            if (s != null) {
                s.lastError = down.reason()
                        + down.notification().map(n -> " " + n.code() + "/" + n.subcode()).orElse("")
                        + (down.detail().isEmpty() ? "" : ": " + down.detail());
                NegotiatedSession ended = s.negotiated;
                PeerInfo endedInfo = s.info;
                s.submit(new RibEvent.Inspect(r -> Speaker.this.down(s, down, ended, endedInfo)), loop::offer);
            }
        }

        @Override
        public void problem(BgpPeer peer, Malformation problem) {
            events.problem(peer.config().address(), problem);
        }

        @Override
        public void writable(BgpPeer peer) {
            // Any event ends a batch, and afterBatch sends the peer what it is owed.
            loop.offer(new RibEvent.Inspect(r -> { }));
        }
    }
}
