/**
 * The BGP session: the RFC 4271 §8 finite state machine of one connection to one peer, OPEN
 * checks and capability negotiation, connection collision (RFC 4271 §6.8), restart backoff,
 * NOTIFICATION in both directions with RFC 9003 shutdown communications, route refresh (RFC
 * 2918, RFC 7313) and End-of-RIB (RFC 4724 §2).
 *
 * <p>Pure code: no Netty, no sockets, no threads, no locks, no sleeps. Time comes from an
 * injected {@link java.time.InstantSource}, jitter from an injected
 * {@link java.util.random.RandomGenerator}. It owns session state and must not touch the RIB,
 * the transport or the wire codecs' internals; it uses the {@code wire} messages as values.
 *
 * <h2>Driving a session</h2>
 *
 * <pre>{@code
 * BgpSession s = new BgpSession(config, InstantSource.system(), random);
 * for (SessionAction a : s.handle(new SessionEvent.ManualStart())) { ...perform a... }
 * }</pre>
 *
 * <ul>
 *   <li>One {@link dev.podbgp.bgp.session.BgpSession} per connection, called only from the
 *       event loop that owns it. {@code handle(event)} returns the actions in the order to
 *       perform them.
 *   <li>Events in ({@link dev.podbgp.bgp.session.SessionEvent}): {@code ManualStart},
 *       {@code AutomaticStart}, {@code ManualStop(communication)}, {@code AdminReset(communication)},
 *       {@code TimerExpired(kind)}, {@code TcpConnected} (our connect succeeded),
 *       {@code TcpAccepted} (the peer connected), {@code TcpConnectionFails},
 *       {@code MessageReceived(message, repaired)} and {@code MessageMalformed(problem)} (use
 *       {@code SessionEvent.decoded(MessageCodec.decode(frame, ..., session.codec()))}),
 *       {@code CollisionDump}, {@code UpdateSent}.
 *   <li>Actions out ({@link dev.podbgp.bgp.session.SessionAction}), of two kinds. Orders the
 *       connection carries out ({@link dev.podbgp.bgp.session.SessionOrder}): {@code Connect},
 *       {@code Send(message)}, {@code CloseConnection} (after flushing what was sent before
 *       it), {@code StartTimer(kind, delay)} (replaces a pending one of that kind),
 *       {@code StopTimer(kind)} and {@code OpenAccepted} (switch the decoder to the negotiated
 *       codec now). Reports it passes up ({@link dev.podbgp.bgp.session.SessionReport}):
 *       {@code StateChanged}, {@code SessionEstablished}, {@code SessionDown},
 *       {@code DeliverUpdate}, {@code EndOfRibReceived}, {@code RefreshRequested},
 *       {@code RefreshBegin}, {@code RefreshEnd}, {@code ProblemReported}, {@code MessageIgnored}.
 *   <li>Timers: the driver schedules one task per {@code StartTimer} and feeds
 *       {@code TimerExpired(kind)} when it fires. The session keeps the real deadlines:
 *       a late firing after a stop is ignored, an early one (the deadline moved, e.g. the hold
 *       timer after each UPDATE) answers with a new {@code StartTimer} for the time left. So a
 *       cancelled task that fires anyway is harmless.
 *   <li>Decode each frame with {@link dev.podbgp.bgp.session.BgpSession#codec()} read just
 *       before decoding it: the context changes when the peer's OPEN is accepted.
 *   <li>After {@code SessionEstablished} the RIB sends the initial table, then
 *       {@link dev.podbgp.bgp.session.NegotiatedSession#endOfRib} for every negotiated family.
 *       Answers to {@code RefreshRequested(family, enhanced=true)} are wrapped in
 *       {@code beginOfRouteRefresh}/{@code endOfRouteRefresh}.
 *   <li>Collisions: when a session reaches OpenConfirm and another connection to the same peer
 *       exists, ask {@link dev.podbgp.bgp.session.CollisionResolution#resolve} and send
 *       {@code CollisionDump} to the loser; it stays Idle afterwards.
 * </ul>
 */
package dev.podbgp.bgp.session;
