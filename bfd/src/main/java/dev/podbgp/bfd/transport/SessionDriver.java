package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.session.BfdSession;
import dev.podbgp.bfd.session.RemoteVariables;
import dev.podbgp.bfd.session.SessionAction;
import dev.podbgp.bfd.session.SessionEvent;
import dev.podbgp.bfd.session.SessionOrder.Send;
import dev.podbgp.bfd.session.SessionOrder.StartTimer;
import dev.podbgp.bfd.session.SessionReport.PacketDiscarded;
import dev.podbgp.bfd.session.SessionReport.StateChanged;
import dev.podbgp.bfd.session.TimerKind;
import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.DecodeResult;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.log.EventLog;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one {@link BfdSession} on the event loop: feeds it packets, timer expiries and the
 * operator's commands, and carries out its orders on the session's own send socket and the
 * loop's scheduler. After every event it publishes a {@link BfdSessionStatus} that any thread may
 * read. Everything else is confined to the loop.
 */
final class SessionDriver {
    private static final EventLog LOG = EventLog.named("podbgp.bfd");


    /** RFC 5880 §6.8.16: how many AdminDown packets a removed session sends before it goes. */
    static final int ADMIN_DOWN_PACKETS = 3;

    private final BfdSessionHandle handle;
    private final BfdPeerConfig config;
    private final ReceiveKey receiveKey;
    private final PeerKey peerKey;
    private final BfdSession session;
    private final EventLoop loop;
    private final EpollDatagramChannel sender;
    private final InetSocketAddress destination;
    private final int sourcePort;
    private final BfdListener listener;
    private final Consumer<SessionDriver> finished;
    private final ChannelFutureListener onWritten = this::written;
    /**
     * The latest StartTimer of each kind. The session's orders replace a pending timer of the same
     * kind; an older task that fires finds a newer generation and does nothing, so a timer never
     * runs as two chains of tasks.
     */
    private final int[] timerGeneration = new int[TimerKind.values().length];

    private long packetsIn;
    private long packetsOut;
    private long discarded;
    private long flaps;
    private long sendErrors;
    private boolean sendFailing;
    private boolean removing;
    private int adminDownSent;
    private boolean closed;
    private volatile BfdSessionStatus status;

    SessionDriver(BfdSessionHandle handle, BfdPeerConfig config, BfdSession session, EventLoop loop,
                  EpollDatagramChannel sender, InetSocketAddress destination, BfdListener listener,
                  Consumer<SessionDriver> finished) {
        this.handle = handle;
        this.config = config;
        this.receiveKey = ReceiveKey.of(config);
        this.peerKey = PeerKey.of(config);
        this.session = session;
        this.loop = loop;
        this.sender = sender;
        this.destination = destination;
        this.sourcePort = sender.localAddress().getPort();
        this.listener = listener;
        this.finished = finished;
        publish();
    }

    BfdSessionHandle handle() {
        return handle;
    }

    ReceiveKey receiveKey() {
        return receiveKey;
    }

    PeerKey peerKey() {
        return peerKey;
    }

    int sourcePort() {
        return sourcePort;
    }

    /** The last published snapshot; any thread. */
    BfdSessionStatus status() {
        return status;
    }

    // ---- events, on the loop

    /** §6.8.16: enabled from the start. */
    void start() {
        perform(session.handle(new SessionEvent.AdminUp()));
    }

    void received(DecodeResult.Decoded packet, IpAddress source) {
        if (!closed) {
            packetsIn++;
            perform(session.handle(SessionEvent.PacketReceived.of(packet, source)));
        }
    }

    void update(BfdIntervals intervals) {
        if (!closed && !removing) {
            perform(session.handle(intervals.toEvent()));
        }
    }

    /**
     * §6.8.16: the session goes AdminDown with diag Administratively Down, so the peer's goes Down
     * knowing why, and is dropped once it has sent {@link #ADMIN_DOWN_PACKETS} of them, or after
     * about as long as that takes when it cannot send (a passive session never heard, a peer
     * asking for no packets).
     */
    void remove() {
        if (closed || removing) {
            return;
        }
        removing = true;
        perform(session.handle(SessionEvent.AdminDown.byOperator()));
        Duration limit = session.transmitInterval().multipliedBy(ADMIN_DOWN_PACKETS + 1);
        loop.schedule(this::finish, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The transport is closing: no more packets, nothing to tell anyone. */
    void close() {
        closed = true;
        sender.close();
    }

    // ---- orders

    private void perform(List<SessionAction> actions) {
        List<StateChanged> moves = new ArrayList<>(2);
        for (SessionAction action : actions) {
            switch (action) {
                case Send(ControlPacket packet) -> send(packet);
                case StartTimer(TimerKind timer, Duration delay) -> schedule(timer, delay);
                case StateChanged move -> {
                    if (move.wentDown()) {
                        flaps++;
                    }
                    moves.add(move);
                }
                case PacketDiscarded(var refused) -> {
                    discarded++;
                    LOG.debug("packet-discarded").with("peer", config.peer()).with("reason", refused).log();
                }
            }
        }
        // The snapshot first: a listener that reads the status sees the move it is told of.
        publish();
        moves.forEach(this::report);
    }

    private void send(ControlPacket packet) {
        ChannelFuture write = sender.writeAndFlush(
                new DatagramPacket(Unpooled.wrappedBuffer(ControlPacketCodec.encode(packet)), destination));
        write.addListener(onWritten);
        if (removing && packet.state() == BfdState.ADMIN_DOWN && ++adminDownSent == ADMIN_DOWN_PACKETS) {
            write.addListener(written -> finish());
        }
    }

    private void written(ChannelFuture write) {
        if (write.isSuccess()) {
            packetsOut++;
            if (sendFailing) {
                sendFailing = false;
                LOG.info("send-recovered").with("peer", config.peer()).log();
            }
        } else if (!closed) {
            sendErrors++;
            // One line when sending starts to fail, not one per packet.
            if (!sendFailing) {
                sendFailing = true;
                LOG.warn("send-failed").with("peer", config.peer()).with("error", write.cause()).log();
            }
        }
        publish();
    }

    private void schedule(TimerKind timer, Duration delay) {
        int generation = ++timerGeneration[timer.ordinal()];
        loop.schedule(() -> fire(timer, generation), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void fire(TimerKind timer, int generation) {
        if (!closed && generation == timerGeneration[timer.ordinal()]) {
            perform(session.handle(new SessionEvent.TimerExpired(timer)));
        }
    }

    private void report(StateChanged move) {
        LOG.info("session-state").with("peer", config.peer()).with("hop", config.hop())
                .with("from", move.from()).with("to", move.to()).with("diag", move.diagnostic().label()).log();
        try {
            listener.stateChanged(config.peer(), move.from(), move.to(), move.diagnostic(), move.peerControlPlaneIndependent());
        } catch (RuntimeException e) {
            LOG.warn("listener-failed").with("peer", config.peer()).with("error", e).log();
        }
    }

    private void finish() {
        if (!closed) {
            close();
            finished.accept(this);
        }
    }

    private void publish() {
        RemoteVariables remote = session.remote();
        status = new BfdSessionStatus(config.peer(), config.local(), config.hop(), config.interfaceName(), sourcePort,
                session.state(), session.localDiagnostic(), handle.localDiscriminator(), remote.discriminator(),
                remote.state(), session.transmitInterval(), session.detectionTime(), remote.controlPlaneIndependent(),
                removing, new SessionCounters(packetsIn, packetsOut, discarded, flaps, sendErrors));
    }
}
