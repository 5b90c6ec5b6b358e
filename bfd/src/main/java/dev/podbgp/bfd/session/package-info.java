/**
 * One BFD session as a pure state machine: RFC 5880 asynchronous mode (§6.2 states, §6.8.6
 * reception, §6.8.7 transmission with jitter, §6.8.3 slow start and interval changes, §6.5 Poll
 * Sequences, §6.8.4 detection, §6.8.16 administrative control), over RFC 5881 or RFC 5883.
 *
 * <p>No Netty, no sockets, no threads, no sleeps. Time comes from an injected {@link
 * dev.podbgp.bfd.session.NanoClock}, jitter and the first authentication sequence number from an
 * injected {@link java.util.random.RandomGenerator}. Must not touch BGP or the transport; it uses the
 * {@code wire} packets as values and {@code auth} for §6.7.
 *
 * <h2>Driving a session</h2>
 *
 * <pre>{@code
 * BfdSession s = new BfdSession(SessionConfig.of(discriminator, peer, HopMode.SINGLE_HOP), NanoClock.system(), random);
 * for (SessionAction a : s.handle(new SessionEvent.AdminUp())) { ...perform a... }
 * }</pre>
 *
 * <ul>
 *   <li>One session per peer and hop mode, called only from the event loop that owns its socket;
 *       {@code handle(event)} returns the actions in the order to perform them.
 *   <li>Events in ({@link dev.podbgp.bfd.session.SessionEvent}): {@code PacketReceived} (a packet the
 *       decoder accepted, demultiplexed by Your Discriminator, or by address when that is 0),
 *       {@code TimerExpired(kind)}, {@code AdminUp}, {@code AdminDown(diagnostic)},
 *       {@code ParametersChanged(tx, rx, mult)}.
 *   <li>Orders out ({@link dev.podbgp.bfd.session.SessionOrder}): {@code Send(packet)} now, and
 *       {@code StartTimer(kind, delay)}, replacing a pending one of that kind. Timers are never
 *       cancelled; the session knows its deadlines, so a stale firing is harmless.
 *   <li>Reports out ({@link dev.podbgp.bfd.session.SessionReport}): {@code StateChanged(from, to,
 *       diagnostic, peerControlPlaneIndependent)}, whose {@code cameUp()}/{@code wentDown()} are the
 *       "up"/"down" a client acts on, and {@code PacketDiscarded(why)}.
 *   <li>The transport applies {@link dev.podbgp.bfd.session.HopMode}: destination port, source port
 *       range, TTL 255 out and the minimum TTL in.
 * </ul>
 */
package dev.podbgp.bfd.session;
