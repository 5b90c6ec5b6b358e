package dev.podbgp.bgp.session;

import static dev.podbgp.bgp.session.TimerKind.CONNECT_RETRY;
import static dev.podbgp.bgp.session.TimerKind.HOLD;
import static dev.podbgp.bgp.session.TimerKind.IDLE_HOLD;
import static dev.podbgp.bgp.session.TimerKind.KEEPALIVE;

import dev.podbgp.bgp.session.SessionEvent.AdminReset;
import dev.podbgp.bgp.session.SessionEvent.AutomaticStart;
import dev.podbgp.bgp.session.SessionEvent.CollisionDump;
import dev.podbgp.bgp.session.SessionEvent.ManualStart;
import dev.podbgp.bgp.session.SessionEvent.ManualStop;
import dev.podbgp.bgp.session.SessionEvent.MessageMalformed;
import dev.podbgp.bgp.session.SessionEvent.MessageReceived;
import dev.podbgp.bgp.session.SessionEvent.TcpAccepted;
import dev.podbgp.bgp.session.SessionEvent.TcpConnected;
import dev.podbgp.bgp.session.SessionEvent.TcpConnectionFails;
import dev.podbgp.bgp.session.SessionEvent.TimerExpired;
import dev.podbgp.bgp.session.SessionEvent.UpdateSent;
import dev.podbgp.bgp.session.SessionOrder.CloseConnection;
import dev.podbgp.bgp.session.SessionOrder.Connect;
import dev.podbgp.bgp.session.SessionOrder.Send;
import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.ErrorAction;
import dev.podbgp.bgp.wire.Malformation;
import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.message.Keepalive;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.bgp.wire.message.Open;
import dev.podbgp.bgp.wire.message.RouteRefresh;
import dev.podbgp.bgp.wire.message.Update;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The RFC 4271 §8 finite state machine of one BGP connection to one peer: events in, actions
 * out, one method per state. Not thread-safe by design: the event loop that owns the
 * connection is its only caller (DESIGN.md, Threads).
 *
 * <p>Where this FSM departs from the optional parts of §8: no DelayOpenTimer; collision
 * detection is decided outside ({@link CollisionResolution}) and arrives as
 * {@link CollisionDump}; failures that reach Idle restart after an IdleHoldTimer whose length
 * comes from {@link RestartBackoff} (§8.1.1 DampPeerOscillations); a passive session never
 * connects and runs no ConnectRetryTimer in Active.
 */
public final class BgpSession {

    /** RFC 4271 §8.2.2: while waiting for the OPEN the HoldTimer is "a large value"; 4 minutes is suggested. */
    static final Duration OPEN_HOLD_TIME = Duration.ofMinutes(4);

    private final SessionConfig config;
    private final InstantSource clock;
    private final Timers timers;
    private final RestartBackoff backoff;
    private final Open localOpen;
    /** RFC 4724 §4.1: we restarted and have not converged yet; OPENs sent now carry the R bit. */
    private boolean restarting;
    /** The OPEN sent on the current connection: the negotiation is with this one. */
    private Open sentOpen;

    private SessionState state = SessionState.IDLE;
    /** Started and not stopped by the operator: failures lead to an automatic restart. */
    private boolean autoRestart;
    private NegotiatedSession negotiated;
    private Instant establishedAt;
    private List<SessionAction> out = new ArrayList<>();

    public BgpSession(SessionConfig config, InstantSource clock, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timers = new Timers(clock);
        this.backoff = new RestartBackoff(config.restartBackoff(), random);
        this.localOpen = config.open();
        this.sentOpen = localOpen;
    }

    /**
     * Whether OPENs sent from now on say that we restarted (the Graceful Restart capability's R
     * bit, RFC 4724 §4.1): true from our start after a restart until our own routes converged.
     */
    public void restarting(boolean on) {
        restarting = on;
    }

    /** Feeds one event; returns what the driver must do, in order. */
    public List<SessionAction> handle(SessionEvent event) {
        out = new ArrayList<>();
        if (event instanceof TimerExpired(TimerKind timer) && !timers.expired(timer, out)) {
            return List.copyOf(out);
        }
        if (state != SessionState.IDLE && operatorStop(event)) {
            return List.copyOf(out);
        }
        switch (state) {
            case IDLE -> idle(event);
            case CONNECT -> connect(event);
            case ACTIVE -> active(event);
            case OPEN_SENT -> openSent(event);
            case OPEN_CONFIRM -> openConfirm(event);
            case ESTABLISHED -> established(event);
        }
        return List.copyOf(out);
    }

    public SessionState state() {
        return state;
    }

    /** The codec context for what the peer sends next: RFC 4271 only until its OPEN is accepted. */
    public SessionCapabilities codec() {
        return negotiated == null ? SessionCapabilities.RFC4271 : negotiated.codec();
    }

    /** Present from OpenConfirm to Established. */
    public Optional<NegotiatedSession> negotiated() {
        return Optional.ofNullable(negotiated);
    }

    public SessionConfig config() {
        return config;
    }

    /**
     * Whether a connection the peer opens would be taken now: in any state but Idle, and in Idle
     * while an automatic restart is pending (not before the first start, not after an operator's
     * stop or a max-prefix teardown).
     */
    public boolean acceptsConnections() {
        return state != SessionState.IDLE || autoRestart;
    }

    /** Failures since the last stable session or operator start (the backoff's count). */
    public int consecutiveFailures() {
        return backoff.failures();
    }

    // ---- one method per state (RFC 4271 §8.2.2)

    private void idle(SessionEvent event) {
        switch (event) {
            case ManualStart _ -> {
                backoff.reset();
                start();
            }
            // §8.1.1: an automatic start waits out a running IdleHoldTimer.
            case AutomaticStart _ -> {
                if (!timers.running(IDLE_HOLD)) {
                    start();
                }
            }
            case TimerExpired(TimerKind timer) when timer == IDLE_HOLD -> start();
            case ManualStop _, SessionEvent.Teardown _ -> {
                autoRestart = false;
                timers.stop(IDLE_HOLD, out);
            }
            case AdminReset _ -> {
                if (autoRestart) {
                    backoff.reset();
                    start();
                }
            }
            // Waiting out the IdleHoldTimer after a failure, the session restarts as if with passive
            // TCP establishment (§8.1.1 Event 5) when the peer connects first: the peer is back, so
            // it is taken at once. The failure count stays; only a stable session clears it.
            case TcpAccepted _ when autoRestart -> {
                timers.stop(IDLE_HOLD, out);
                connectionUp();
            }
            // §8.2.2 Idle: "refuses all incoming BGP connections" (never started, or stopped).
            case TcpConnected _, TcpAccepted _ -> out.add(new CloseConnection());
            default -> {}
        }
    }

    private void connect(SessionEvent event) {
        switch (event) {
            case TimerExpired(TimerKind timer) when timer == CONNECT_RETRY -> {
                // §8.2.2 Connect, Event 9: drop the attempt, restart the timer, try again.
                out.add(new CloseConnection());
                timers.start(CONNECT_RETRY, config.connectRetryTime(), out);
                out.add(new Connect());
            }
            case TcpConnected _, TcpAccepted _ -> connectionUp();
            case TcpConnectionFails _ -> down(DownReason.CONNECTION_FAILED, null, "connection attempt failed");
            case CollisionDump _ -> collision();
            case ManualStart _, AutomaticStart _, UpdateSent _ -> {}
            default -> down(DownReason.PROTOCOL_ERROR, null, "unexpected " + event + " in Connect");
        }
    }

    private void active(SessionEvent event) {
        switch (event) {
            case TimerExpired(TimerKind timer) when timer == CONNECT_RETRY -> {
                // §8.2.2 Active, Event 9: initiate a connection and move to Connect.
                timers.start(CONNECT_RETRY, config.connectRetryTime(), out);
                out.add(new Connect());
                moveTo(SessionState.CONNECT);
            }
            case TcpConnected _, TcpAccepted _ -> connectionUp();
            case TcpConnectionFails _ -> down(DownReason.CONNECTION_FAILED, null, "connection failed in Active");
            case CollisionDump _ -> collision();
            case ManualStart _, AutomaticStart _, UpdateSent _ -> {}
            default -> down(DownReason.PROTOCOL_ERROR, null, "unexpected " + event + " in Active");
        }
    }

    private void openSent(SessionEvent event) {
        switch (event) {
            case TimerExpired(TimerKind timer) when timer == HOLD -> holdTimerExpired();
            case TcpConnectionFails _ -> {
                // §8.2.2 OpenSent, Event 18: close, restart the ConnectRetryTimer, listen in Active.
                out.add(new CloseConnection());
                timers.stop(HOLD, out);
                if (!config.passive()) {
                    timers.start(CONNECT_RETRY, config.connectRetryTime(), out);
                }
                moveTo(SessionState.ACTIVE);
                out.add(new SessionReport.SessionDown(SessionState.OPEN_SENT, DownReason.CONNECTION_FAILED,
                        Optional.empty(), "connection lost before the peer's OPEN"));
            }
            case MessageReceived(Open open, var _) -> openReceived(open);
            case MessageReceived(Notification n, var _) -> notificationReceived(n);
            case MessageReceived m -> fsmError(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT, m.message().type() + " in OpenSent");
            case MessageMalformed m -> malformed(m.problem());
            case CollisionDump _ -> collision();
            case ManualStart _, AutomaticStart _, TcpConnected _, TcpAccepted _, UpdateSent _ -> {}
            default -> fsmError(BgpError.FSM_UNSPECIFIED, event + " in OpenSent");
        }
    }

    private void openConfirm(SessionEvent event) {
        switch (event) {
            case TimerExpired(TimerKind timer) when timer == HOLD -> holdTimerExpired();
            case TimerExpired(TimerKind timer) when timer == KEEPALIVE -> sendKeepalive();
            case TcpConnectionFails _ -> down(DownReason.CONNECTION_FAILED, null, "connection lost in OpenConfirm");
            case MessageReceived(Keepalive _, var _) -> {
                restartHoldTimer();
                establishedAt = clock.instant();
                moveTo(SessionState.ESTABLISHED);
                out.add(new SessionReport.SessionEstablished(negotiated));
            }
            case MessageReceived(Notification n, var _) -> notificationReceived(n);
            case MessageReceived m -> fsmError(BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM, m.message().type() + " in OpenConfirm");
            case MessageMalformed m -> malformed(m.problem());
            case CollisionDump _ -> collision();
            case ManualStart _, AutomaticStart _, TcpConnected _, TcpAccepted _, UpdateSent _ -> {}
            default -> fsmError(BgpError.FSM_UNSPECIFIED, event + " in OpenConfirm");
        }
    }

    private void established(SessionEvent event) {
        switch (event) {
            case TimerExpired(TimerKind timer) when timer == HOLD -> holdTimerExpired();
            case TimerExpired(TimerKind timer) when timer == KEEPALIVE -> sendKeepalive();
            // §8.2.2 Established: every KEEPALIVE or UPDATE sent restarts the KeepaliveTimer.
            case UpdateSent _ -> timers.push(KEEPALIVE, Duration.ofSeconds(negotiated.keepaliveTime()));
            case TcpConnectionFails _ -> down(DownReason.CONNECTION_FAILED, null, "connection lost in Established");
            case MessageReceived(Notification n, var _) -> notificationReceived(n);
            case MessageReceived(Open _, var _) -> fsmError(BgpError.FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED, "OPEN in Established");
            case MessageReceived(Keepalive _, var _) -> restartHoldTimer();
            case MessageReceived(Update update, var repaired) -> {
                restartHoldTimer();
                updateReceived(update, repaired);
            }
            case MessageReceived(RouteRefresh refresh, var _) -> {
                // Not in §8's list of hold-timer events, but any message proves the peer alive.
                restartHoldTimer();
                routeRefreshReceived(refresh);
            }
            case MessageMalformed m -> malformed(m.problem());
            case CollisionDump _ -> collision();
            case ManualStart _, AutomaticStart _, TcpConnected _, TcpAccepted _ -> {}
            default -> fsmError(BgpError.FSM_UNSPECIFIED, event + " in Established");
        }
    }

    // ---- what the states share

    private void start() {
        autoRestart = true;
        timers.stop(IDLE_HOLD, out);
        if (config.passive()) {
            moveTo(SessionState.ACTIVE);
            return;
        }
        timers.start(CONNECT_RETRY, config.connectRetryTime(), out);
        out.add(new Connect());
        moveTo(SessionState.CONNECT);
    }

    /** §8.2.2 Connect/Active, Events 16 and 17: send our OPEN and wait for the peer's. */
    private void connectionUp() {
        timers.stop(CONNECT_RETRY, out);
        sentOpen = restarting ? localOpen.withRestartState(true) : localOpen;
        out.add(new Send(sentOpen));
        timers.start(HOLD, OPEN_HOLD_TIME, out);
        moveTo(SessionState.OPEN_SENT);
    }

    /** §8.2.2 OpenSent, Event 19. */
    private void openReceived(Open peer) {
        Optional<Malformation> problem = OpenCheck.check(config, peer);
        if (problem.isPresent()) {
            malformed(problem.get());
            return;
        }
        negotiated = NegotiatedSession.of(config, sentOpen, peer);
        out.add(new SessionOrder.OpenAccepted(negotiated));
        out.add(new Send(Keepalive.INSTANCE));
        // §4.2: a hold time of 0 means neither hold timer nor KEEPALIVEs.
        if (negotiated.holdTime() > 0) {
            timers.start(HOLD, Duration.ofSeconds(negotiated.holdTime()), out);
            timers.start(KEEPALIVE, Duration.ofSeconds(negotiated.keepaliveTime()), out);
        } else {
            timers.stop(HOLD, out);
        }
        moveTo(SessionState.OPEN_CONFIRM);
    }

    private void updateReceived(Update received, List<Malformation> repaired) {
        repaired.forEach(p -> out.add(new SessionReport.ProblemReported(p)));
        if (received.isEndOfRib()) {
            // Only an untouched UPDATE is an End-of-RIB marker (RFC 4724 §2). A repaired one with nothing
            // left (treat-as-withdraw of an UPDATE without prefixes) changes nothing, and delivered it
            // would look like End-of-RIB to the RIB.
            if (repaired.isEmpty()) {
                out.add(new SessionReport.EndOfRibReceived(received.endOfRibFamily()));
            }
            return;
        }
        UpdateValidator.Result checked = UpdateValidator.validate(received, config.localAs() != negotiated.peerAs(),
                negotiated.peerAs(), negotiated.families());
        checked.problems().forEach(p -> out.add(new SessionReport.ProblemReported(p)));
        // Same for what validation left (say, only an MP_REACH_NLRI of a family not negotiated).
        if (!checked.update().isEndOfRib()) {
            out.add(new SessionReport.DeliverUpdate(checked.update()));
        }
    }

    private void routeRefreshReceived(RouteRefresh refresh) {
        if (!refresh.isKnownSubtype()) {
            ignore(refresh, "RFC 7313 §5: subtype " + refresh.subtype() + " is ignored");
            return;
        }
        // RFC 2918 §4 ignores families we did not advertise; one the peer lacks has nothing to re-send either.
        if (!negotiated.families().contains(refresh.family())) {
            ignore(refresh, "RFC 2918 §4: " + refresh.family() + " was not negotiated");
            return;
        }
        switch (refresh.subtype()) {
            case RouteRefresh.NORMAL -> {
                if (negotiated.acceptsRouteRefresh()) {
                    out.add(new SessionReport.RefreshRequested(refresh.family(), negotiated.enhancedRouteRefresh()));
                } else {
                    ignore(refresh, "RFC 2918 §4: we did not advertise route refresh");
                }
            }
            case RouteRefresh.BEGIN, RouteRefresh.END -> {
                if (!negotiated.acceptsEnhancedRouteRefresh()) {
                    ignore(refresh, "RFC 7313 §4: we did not advertise enhanced route refresh");
                } else if (refresh.subtype() == RouteRefresh.BEGIN) {
                    out.add(new SessionReport.RefreshBegin(refresh.family()));
                } else {
                    out.add(new SessionReport.RefreshEnd(refresh.family()));
                }
            }
            default -> throw new IllegalStateException("subtype " + refresh.subtype() + " passed isKnownSubtype");
        }
    }

    private void ignore(RouteRefresh message, String reason) {
        out.add(new SessionReport.MessageIgnored(message, reason));
    }

    private void sendKeepalive() {
        out.add(new Send(Keepalive.INSTANCE));
        timers.start(KEEPALIVE, Duration.ofSeconds(negotiated.keepaliveTime()), out);
    }

    private void restartHoldTimer() {
        if (negotiated.holdTime() > 0) {
            timers.push(HOLD, Duration.ofSeconds(negotiated.holdTime()));
        }
    }

    private void holdTimerExpired() {
        long seconds = negotiated == null ? OPEN_HOLD_TIME.toSeconds() : negotiated.holdTime();
        down(DownReason.HOLD_TIMER_EXPIRED, Notification.of(BgpError.HOLD_TIMER_EXPIRED),
                "nothing received for " + seconds + " s (RFC 4271 §6.5)");
    }

    /**
     * RFC 4271 §6 and RFC 7606 §2: a session reset sends the NOTIFICATION and closes. RFC
     * 4760 §7 lets AFI/SAFI disable fall back to a session reset, which is what we do.
     * Weaker actions mean the decoder repaired what it could; the message is dropped.
     */
    private void malformed(Malformation problem) {
        if (problem.action() == ErrorAction.SESSION_RESET || problem.action() == ErrorAction.AFI_SAFI_DISABLE) {
            down(DownReason.PROTOCOL_ERROR, Notification.of(problem), problem.reason());
        } else {
            out.add(new SessionReport.ProblemReported(problem));
        }
    }

    /** RFC 6608: an unexpected message names the state it arrived in. */
    private void fsmError(BgpError error, String detail) {
        down(DownReason.PROTOCOL_ERROR, Notification.of(error), detail + " (RFC 4271 §6.6)");
    }

    private void notificationReceived(Notification notification) {
        // RFC 8538 §3: a Hard Reset says why in the NOTIFICATION it encapsulates.
        Notification reason = notification.hardResetCause().orElse(notification);
        // RFC 9003 §2: a malformed communication is logged, never acted on; the detail says which.
        String detail = reason.shutdownCommunication().map(text -> "shutdown communication \"" + text + "\"")
                .orElse(reason.hasMalformedShutdownCommunication() ? "malformed shutdown communication" : "");
        if (notification.isHardReset()) {
            detail = detail.isEmpty() ? "hard reset" : "hard reset, " + detail;
        }
        down(DownReason.NOTIFICATION_RECEIVED, notification, detail);
    }

    /**
     * A stop or reset by the operator or the daemon means the same in every state but Idle
     * (RFC 4271 §8.2.2, ManualStop in Connect, Active, OpenSent, OpenConfirm and Established):
     * handled once here rather than in each state's switch.
     */
    private boolean operatorStop(SessionEvent event) {
        switch (event) {
            case ManualStop stop -> stop(stop);
            case SessionEvent.StopForRestart stop -> stopForRestart(stop);
            case SessionEvent.Teardown t -> teardown(t);
            case AdminReset reset -> reset(reset);
            case SessionEvent.PathDown down -> pathDown(down);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void stop(ManualStop stop) {
        autoRestart = false;
        down(DownReason.ADMIN_STOP, cease(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, stop.communication()), "manual stop");
    }

    /** See {@link SessionEvent.StopForRestart}: the peer keeps our routes if it can be made to. */
    private void stopForRestart(SessionEvent.StopForRestart stop) {
        if (state == SessionState.ESTABLISHED && negotiated.gracefulNotification()) {
            autoRestart = false;
            // RFC 8538 §5 lets the provider choose for Administrative Reset; we send it as graceful.
            down(DownReason.ADMIN_STOP, cease(BgpError.CEASE_ADMINISTRATIVE_RESET, stop.communication()),
                    "stopped to restart, graceful NOTIFICATION (RFC 8538 §4)");
        } else if (state == SessionState.ESTABLISHED && negotiated.peerHelpsOurRestart()) {
            autoRestart = false;
            down(DownReason.ADMIN_STOP, null, "stopped to restart, closed without NOTIFICATION (RFC 4724 §4.1)");
        } else {
            stop(new ManualStop(stop.communication()));
        }
    }

    private void teardown(SessionEvent.Teardown t) {
        autoRestart = false;
        down(DownReason.ADMIN_STOP, state.hasConnection() ? t.notification() : null,
                "torn down with NOTIFICATION " + t.notification().code() + "/" + t.notification().subcode());
    }

    private void pathDown(SessionEvent.PathDown down) {
        Notification cease = down.bfd() && state.hasConnection() ? Notification.of(BgpError.CEASE_BFD_DOWN) : null;
        down(DownReason.PATH_DOWN, cease, down.detail());
    }

    private void reset(AdminReset reset) {
        down(DownReason.ADMIN_RESET, cease(BgpError.CEASE_ADMINISTRATIVE_RESET, reset.communication()), "administrative reset");
    }

    /** RFC 4486 §4 with the RFC 9003 shutdown communication when the operator gave one. */
    private Notification cease(BgpError subcode, Optional<String> communication) {
        if (!state.hasConnection()) {
            return null;
        }
        return communication.map(text -> Notification.shutdown(subcode, text)).orElseGet(() -> Notification.of(subcode));
    }

    /** RFC 4271 §6.8: this connection lost; the other one carries the peering, so no restart here. */
    private void collision() {
        autoRestart = false;
        Notification cease = state.hasConnection() ? Notification.of(BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION) : null;
        down(DownReason.COLLISION, cease, "connection collision (RFC 4271 §6.8)");
    }

    /**
     * To Idle: send the NOTIFICATION if we have one to send, close, stop the timers, report,
     * and arm the IdleHoldTimer when the session should come back by itself.
     */
    private void down(DownReason reason, Notification notification, String detail) {
        SessionState from = state;
        if (notification != null && reason != DownReason.NOTIFICATION_RECEIVED) {
            if (negotiated != null && negotiated.gracefulNotification()) {
                notification = hardResetWhenDue(notification);
            }
            out.add(new Send(notification));
        }
        if (from != SessionState.ACTIVE) {
            out.add(new CloseConnection());
        }
        timers.stop(CONNECT_RETRY, out);
        timers.stop(HOLD, out);
        timers.stop(KEEPALIVE, out);
        negotiated = null;
        moveTo(SessionState.IDLE);
        out.add(new SessionReport.SessionDown(from, reason, Optional.ofNullable(notification), detail));
        if (!autoRestart) {
            return;
        }
        if (reason == DownReason.ADMIN_RESET) {
            backoff.reset();
            timers.start(IDLE_HOLD, backoff.policy().base(), out);
            return;
        }
        if (from == SessionState.ESTABLISHED
                && Duration.between(establishedAt, clock.instant()).compareTo(backoff.policy().stableAfter()) >= 0) {
            backoff.reset();
        }
        timers.start(IDLE_HOLD, backoff.nextDelay(), out);
    }

    /**
     * RFC 8538 §5's suggested behaviour once N is negotiated: a Cease that means "gone for good"
     * (Maximum Number of Prefixes Reached, Administrative Shutdown, Peer De-configured) goes as a
     * Hard Reset so the peer drops our routes; so does BFD Down (RFC 9384), since the path between
     * us no longer forwards. Every other NOTIFICATION, Administrative Reset included (the
     * provider's choice), stays graceful and the peer keeps them as stale.
     */
    private static Notification hardResetWhenDue(Notification notification) {
        return switch (notification.error().orElse(null)) {
            case CEASE_MAXIMUM_PREFIXES_REACHED, CEASE_ADMINISTRATIVE_SHUTDOWN, CEASE_PEER_DECONFIGURED, CEASE_BFD_DOWN ->
                    Notification.hardReset(notification);
            case null, default -> notification;
        };
    }

    private void moveTo(SessionState to) {
        if (to != state) {
            out.add(new SessionReport.StateChanged(state, to));
            state = to;
        }
    }
}
