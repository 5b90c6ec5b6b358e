package dev.podbgp.bgp.transport;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;


import dev.podbgp.bgp.session.CollisionResolution;
import dev.podbgp.bgp.session.ConnectionDirection;
import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionEvent;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.message.BgpMessage;
import dev.podbgp.bgp.wire.message.Update;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.log.EventLog;
import dev.podbgp.log.LogEvent;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * One configured neighbour: its session(s) and connection(s), all confined to one event loop.
 * Public methods may be called from any thread; they hand the work to that loop.
 *
 * <p>Normally one {@link PeerConnection} (the primary) exists. A connection the peer opens
 * while ours is in OpenSent/OpenConfirm gets a second one, and RFC 4271 §6.8 collision
 * resolution keeps one of the two once either reaches OpenConfirm.
 */
public final class BgpPeer {

    private static final EventLog LOG = EventLog.named("podbgp.peer");

    private final BgpSpeaker speaker;
    private final PeerConfig config;
    private final EventLoop loop;
    private final PeerListener listener;
    private final RandomGenerator random;
    // Written on the peer's loop only; volatile because isWritable() reads it from producers.
    private volatile PeerConnection primary;
    private PeerConnection secondary;
    private volatile SessionState state = SessionState.IDLE;
    /** Written on the peer's loop; read there when a connection's session is made. */
    private boolean restarting;
    private volatile NegotiatedSession negotiated;
    /** The listen range a dynamic peer connected from; null for a configured peer. */
    private final DynamicRange dynamicRange;

    BgpPeer(BgpSpeaker speaker, PeerConfig config, EventLoop loop, PeerListener listener, RandomGenerator random,
            DynamicRange dynamicRange) {
        this.speaker = speaker;
        this.dynamicRange = dynamicRange;
        this.config = config;
        this.loop = loop;
        this.listener = listener;
        this.random = random;
    }

    public PeerConfig config() {
        return config;
    }

    /** The listen range this peer connected from, when it is a dynamic neighbour (it lives as long as its session). */
    public Optional<DynamicRange> dynamicRange() {
        return Optional.ofNullable(dynamicRange);
    }

    /** The primary session's state, as last seen; safe from any thread. */
    public SessionState state() {
        return state;
    }

    public Optional<NegotiatedSession> negotiated() {
        return Optional.ofNullable(negotiated);
    }

    BgpSpeaker speaker() {
        return speaker;
    }

    EventLoop loop() {
        return loop;
    }

    /**
     * Runs {@code task} after everything already queued for this peer. Channel events and
     * accepted connections always take this path, even from the peer's own loop, so they are
     * seen in the order they happened and never ahead of the session's start.
     */
    void enqueue(Runnable task) {
        loop.execute(task);
    }

    void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** Whether our OPENs say we restarted (RFC 4724 R bit); see {@link BgpSpeaker#restarting(boolean)}. */
    boolean restarting() {
        return restarting;
    }

    void restarting(boolean on) {
        onLoop(() -> {
            restarting = on;
            for (PeerConnection c : new PeerConnection[] {primary, secondary}) {
                if (c != null) {
                    c.session().restarting(on);
                }
            }
        });
    }

    void start() {
        onLoop(() -> {
            if (primary == null) {
                primary = new PeerConnection(this, config.session(), random);
            }
            primary.handle(new SessionEvent.ManualStart());
        });
    }

    /**
     * Administrative shutdown: Cease / Administrative Shutdown with an RFC 9003 message when
     * connected; the peer stays down until {@link #restart()}.
     */
    public void stop(String communication) {
        end(communication == null ? SessionEvent.ManualStop.silent() : SessionEvent.ManualStop.of(communication));
    }

    /**
     * Stops the session so that the peer keeps our routes while we restart (see
     * {@link SessionEvent.StopForRestart}); the peer stays down until {@link #restart()}.
     */
    public void stopForRestart(String communication) {
        end(new SessionEvent.StopForRestart(Optional.ofNullable(communication)));
    }

    /** Drops a second connection being resolved and hands {@code stop} to the session. */
    private void end(SessionEvent stop) {
        onLoop(() -> {
            if (secondary != null) {
                secondary.dispose();
                secondary = null;
            }
            if (primary != null) {
                primary.handle(stop);
            }
        });
    }

    public void restart() {
        start();
    }

    /** See {@link SessionEvent.PathDown}: the session ends now instead of at the hold timer. */
    public void pathDown(boolean bfd, String detail) {
        onLoop(() -> {
            if (primary != null) {
                primary.handle(new SessionEvent.PathDown(bfd, detail));
            }
        });
    }

    /**
     * A session waiting out its retry backoff tries again now, with a fresh backoff: what stopped it is over (the
     * link to the peer is back). Does nothing in any other state, nor to a session an operator or max-prefix stopped.
     */
    public void retryNow() {
        onLoop(() -> {
            if (primary != null && primary.session().state() == SessionState.IDLE && primary.session().acceptsConnections()) {
                primary.handle(new SessionEvent.AdminReset(Optional.empty()));
            }
        });
    }

    /**
     * The operator's hard clear ({@code podbgp clear neighbor}). A session with a connection ends with Cease /
     * Administrative Reset and {@code communication} (RFC 4486 §4, RFC 9003; graceful where RFC 8538's N bit was
     * negotiated, so the peer keeps our routes as stale until the new session's End-of-RIB) and comes back by itself
     * at once. A session in Idle, whether waiting out its retry backoff or kept down after a max-prefix teardown,
     * starts now with a fresh backoff.
     */
    public void clear(String communication) {
        onLoop(() -> {
            if (primary == null || primary.session().state() == SessionState.IDLE) {
                start();
            } else {
                primary.handle(communication == null ? new SessionEvent.AdminReset(Optional.empty())
                        : SessionEvent.AdminReset.of(communication));
            }
        });
    }

    /**
     * Sends UPDATEs (and route-refresh markers) on the established session and flushes. The
     * future completes with {@code true} once they are in the connection's send buffer (false
     * when no session is established). A producer on another thread waits for it before
     * checking {@link #isWritable()} again, so it overshoots the buffer's high-water mark by
     * at most one batch; it resumes on {@link PeerListener#writable}.
     */
    public CompletableFuture<Boolean> send(List<? extends BgpMessage> messages) {
        return onEstablished(messages.size(), connection -> {
            connection.sendAll(messages);
            return messages.stream().anyMatch(Update.class::isInstance);
        });
    }

    /**
     * Like {@link #send}, for UPDATEs already encoded with this session's codec context (see
     * {@code NegotiatedSession#codec()}); the caller vouches for that, nothing is re-checked.
     * Ordered with {@link #send} calls: both run on the peer's event loop in call order.
     */
    public CompletableFuture<Boolean> sendEncoded(List<byte[]> messages) {
        return onEstablished(messages.size(), connection -> {
            connection.sendAllEncoded(messages);
            return !messages.isEmpty();
        });
    }

    /**
     * {@link #sendEncoded} for bytes encoded for one particular session: when that session has
     * ended and another one is up (a reconnect may negotiate ADD-PATH or 4-octet AS differently),
     * they are dropped instead of sent malformed. Completes with false then.
     */
    public CompletableFuture<Boolean> sendEncoded(List<byte[]> messages, NegotiatedSession encodedFor) {
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        onLoop(() -> {
            if (negotiated != encodedFor) {
                event(DEBUG, "send-dropped").with("reason", "other-session").with("messages", messages.size()).log();
                written.complete(false);
                return;
            }
            sendEncoded(messages).whenComplete((ok, e) -> written.complete(ok != null && ok));
        });
        return written;
    }

    /**
     * Runs {@code write} on the event loop when the session is established; {@code write} says
     * whether it sent an UPDATE, which restarts the keepalive timer (RFC 4271 §8.2.2).
     */
    private CompletableFuture<Boolean> onEstablished(int count, java.util.function.Predicate<PeerConnection> write) {
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        onLoop(() -> {
            if (primary == null || primary.session().state() != SessionState.ESTABLISHED) {
                event(DEBUG, "send-dropped").with("reason", "not-established").with("messages", count).log();
                written.complete(false);
                return;
            }
            if (write.test(primary)) {
                primary.handle(new SessionEvent.UpdateSent());
            }
            written.complete(true);
        });
        return written;
    }

    /** RFC 2918: asks the peer to send its routes of {@code family} again. */
    public void requestRefresh(Family family) {
        onLoop(() -> {
            NegotiatedSession n = negotiated;
            if (n != null && primary != null) {
                primary.sendAll(List.of(n.routeRefreshRequest(family)));
            }
        });
    }

    /** True when the established connection's send buffer is below its high-water mark. */
    public boolean isWritable() {
        PeerConnection p = primary;
        return p != null && p.isWritable();
    }

    /**
     * Ends the session with {@code notification} (for example Cease/1 after max-prefix, RFC 4486
     * §4) and keeps it down until {@link #restart()}.
     */
    public void tearDown(dev.podbgp.bgp.wire.message.Notification notification) {
        end(new SessionEvent.Teardown(notification));
    }

    /**
     * Our address on the connection (the next hop we announce as "self", RFC 4271 §5.1.3), or
     * empty before a connection exists.
     */
    public Optional<java.net.InetSocketAddress> localAddress() {
        PeerConnection p = primary;
        return p != null && p.localAddress() instanceof java.net.InetSocketAddress a ? Optional.of(a) : Optional.empty();
    }

    /**
     * Stops reading this peer's messages until {@link #resumeReading}: the consumer of its
     * UPDATEs is full, and TCP's window then slows the peer down instead of a queue growing here.
     */
    public void pauseReading() {
        onLoop(() -> {
            if (primary != null) {
                primary.autoRead(false);
            }
        });
    }

    /**
     * Resumes reading, unless {@code stillWanted} says otherwise when the event loop gets to it:
     * a pause requested meanwhile on the loop must not be undone by a resume queued before it.
     */
    public void resumeReading(java.util.function.BooleanSupplier stillWanted) {
        onLoop(() -> {
            if (primary != null && stillWanted.getAsBoolean()) {
                primary.autoRead(true);
            }
        });
    }

    /** A connection the peer opened reached us; decide which session takes it. */
    void accepted(Channel channel, ConnectionHandler handler) {
        PeerConnection p = primary;
        SessionState s = p == null ? SessionState.IDLE : p.session().state();
        if (s == SessionState.IDLE && p != null && p.session().acceptsConnections()) {
            // Idle between a failure and our next attempt: the peer is back, take its connection.
            event(INFO, "connection-accepted-in-backoff").with("remote", channel.remoteAddress()).log();
            s = SessionState.ACTIVE;
        }
        switch (s) {
            case CONNECT, ACTIVE -> {
                handler.target(p);
                p.attachAccepted(channel);
                p.handle(new SessionEvent.TcpAccepted());
            }
            case OPEN_SENT, OPEN_CONFIRM -> {
                if (secondary != null) {
                    refuse(channel, "a second connection is already being resolved");
                    return;
                }
                SessionConfig c = config.session();
                // The second session only answers; it never dials out itself.
                secondary = new PeerConnection(this, new SessionConfig(c.localAs(), c.peerAs(), c.localId(), c.holdTime(),
                        c.keepaliveTime(), c.connectRetryTime(), c.restartBackoff(), true, c.capabilities(),
                        c.required(), c.acceptedPeerAs()), random);
                handler.target(secondary);
                secondary.handle(new SessionEvent.ManualStart());
                secondary.attachAccepted(channel);
                secondary.handle(new SessionEvent.TcpAccepted());
            }
            case ESTABLISHED -> refuse(channel, "session already established (RFC 4271 §6.8)");
            case IDLE -> refuse(channel, p == null ? "session not started" : "session stopped (operator or max-prefix)");
        }
    }

    private void refuse(Channel channel, String why) {
        event(INFO, "connection-refused").with("remote", channel.remoteAddress()).with("reason", why).log();
        channel.close();
    }

    /** What a session reports, from either connection. */
    void report(PeerConnection from, SessionReport report) {
        switch (report) {
            case SessionReport.StateChanged c -> {
                if (from == primary) {
                    state = c.to();
                    event(INFO, "state").with("from", c.from()).with("to", c.to()).log();
                    listener.stateChanged(this, c.from(), c.to());
                }
                if (c.to() == SessionState.OPEN_CONFIRM || c.to() == SessionState.ESTABLISHED) {
                    resolveCollision();
                }
            }
            case SessionReport.SessionEstablished e -> {
                if (from == primary) {
                    negotiated = e.negotiated();
                    event(INFO, "established").with("peer-as", e.negotiated().peerAs())
                            .with("hold-time", e.negotiated().holdTime()).with("families", e.negotiated().families()).log();
                    listener.established(this, e.negotiated());
                }
            }
            case SessionReport.SessionDown d -> {
                if (from != primary) {
                    // A collision loser, or a second connection that failed on its own.
                    if (from == secondary) {
                        secondary.dispose();
                        secondary = null;
                    }
                    return;
                }
                negotiated = null;
                LogEvent line = event(INFO, "down").with("from", d.from()).with("reason", d.reason());
                d.notification().ifPresent(n -> line.with("notification", n.codes()));
                line.with("detail", d.detail()).log();
                listener.down(this, d);
                if (dynamicRange != null) {
                    speaker.dynamicPeerEnded(this);
                }
            }
            case SessionReport.DeliverUpdate u when from == primary -> listener.update(this, u.update());
            case SessionReport.DeliverUpdate u -> event(DEBUG, "update-ignored").with("reason", "not-primary").log();
            case SessionReport.EndOfRibReceived e when from == primary -> listener.endOfRib(this, e.family());
            case SessionReport.EndOfRibReceived e -> { }
            case SessionReport.RefreshRequested r -> listener.refreshRequested(this, r.family(), r.enhanced());
            case SessionReport.ProblemReported p -> {
                Malformation m = p.problem();
                event(WARNING, "malformed").with("error", m.error()).with("code", m.error().code() + "/" + m.error().subcode())
                        .with("action", m.action()).with("reason", m.reason()).log();
                listener.problem(this, p.problem());
            }
            case SessionReport.MessageIgnored m ->
                    event(INFO, "ignored").with("type", m.message().type()).with("reason", m.reason()).log();
            case SessionReport.RefreshBegin b when from == primary -> {
                event(DEBUG, "borr").with("family", b.family()).log();
                listener.refreshBegin(this, b.family());
            }
            case SessionReport.RefreshEnd e when from == primary -> {
                event(DEBUG, "eorr").with("family", e.family()).log();
                listener.refreshEnd(this, e.family());
            }
            case SessionReport.RefreshBegin b -> { }
            case SessionReport.RefreshEnd e -> { }
        }
    }

    /** RFC 4271 §6.8 between the primary and a second connection, once one reaches OpenConfirm. */
    private void resolveCollision() {
        if (primary == null || secondary == null) {
            return;
        }
        if (!primary.session().state().hasConnection()) {
            // Our own connection failed meanwhile: nothing collides, the peer's connection takes over.
            PeerConnection old = primary;
            primary = secondary;
            secondary = null;
            old.dispose();
            state = primary.session().state();
            event(INFO, "connection-replaced").with("by", primary.direction()).log();
            return;
        }
        PeerConnection inbound = primary.direction() == ConnectionDirection.INBOUND ? primary : secondary;
        PeerConnection outbound = inbound == primary ? secondary : primary;
        Optional<NegotiatedSession> seen = primary.session().negotiated().or(() -> secondary.session().negotiated());
        if (seen.isEmpty()) {
            return;
        }
        NegotiatedSession known = seen.get();
        SessionConfig c = config.session();
        Optional<ConnectionDirection> loser = CollisionResolution.resolve(c.localAs(), c.localId(), known.peerAs(),
                known.peerId(), inbound.session().state(), outbound.session().state());
        if (loser.isEmpty()) {
            return;
        }
        PeerConnection lose = loser.get() == ConnectionDirection.INBOUND ? inbound : outbound;
        PeerConnection keep = lose == inbound ? outbound : inbound;
        event(INFO, "collision").with("closed", loser.get()).log();
        primary = keep;
        secondary = null;
        lose.handle(new SessionEvent.CollisionDump());
        lose.dispose();
        // Resolution runs at the first OpenConfirm (or Established) of either connection, so the
        // kept one's SessionEstablished report is still to come and is heard as the primary's.
        state = keep.session().state();
    }

    void becameWritable() {
        listener.writable(this);
    }

    /** A log line about this peer: the event, then {@code peer=ADDRESS}, then the caller's fields. */
    LogEvent event(System.Logger.Level level, String event) {
        return LOG.at(level, event).with("peer", config.address());
    }

    @Override
    public String toString() {
        NegotiatedSession n = negotiated;
        Object as = n != null ? n.peerAs() : config.session().acceptedPeerAs();
        return "BgpPeer[" + config.address().getHostAddress() + " AS" + as + " " + state + "]";
    }
}
