package dev.podbgp.bgp.transport;

import dev.podbgp.bgp.session.BgpSession;
import dev.podbgp.bgp.session.ConnectionDirection;
import dev.podbgp.bgp.session.SessionAction;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionEvent;
import dev.podbgp.bgp.session.SessionOrder;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.TimerKind;
import dev.podbgp.bgp.wire.DecodeResult;
import dev.podbgp.bgp.wire.message.BgpMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * One {@link BgpSession} and the TCP connection it runs on, driven on the peer's event loop:
 * carries out the session's orders (connect, send, close, timers, codec switch), passes its
 * reports up to the {@link BgpPeer} and feeds it the events the channel produces. A peer has
 * one of these, two while a connection collision is resolved.
 */
final class PeerConnection {

    private final BgpPeer peer;
    private final SessionClock clock;
    private final BgpSession session;
    private final Map<TimerKind, Future<?>> timers = new EnumMap<>(TimerKind.class);
    private ConnectionDirection direction;
    private Channel channel;
    private ChannelFuture connecting;

    PeerConnection(BgpPeer peer, SessionConfig config, RandomGenerator random) {
        this.peer = peer;
        this.clock = peer.speaker().clock();
        this.session = new BgpSession(config, clock.time(), random);
        session.restarting(peer.restarting());
    }

    BgpSession session() {
        return session;
    }

    ConnectionDirection direction() {
        return direction;
    }

    boolean isWritable() {
        return channel != null && channel.isWritable();
    }

    /** Our end of the connection, once there is one. */
    java.net.SocketAddress localAddress() {
        Channel c = channel;
        return c == null ? null : c.localAddress();
    }

    /** Stops or resumes reading from the socket: TCP then pushes back on the peer. */
    void autoRead(boolean on) {
        Channel c = channel;
        if (c != null) {
            c.config().setAutoRead(on);
        }
    }

    /** Feeds one event and performs what the session answers, flushing once at the end. */
    void handle(SessionEvent event) {
        List<SessionAction> actions = session.handle(event);
        boolean wrote = false;
        for (SessionAction action : actions) {
            wrote |= perform(action);
        }
        if (wrote && channel != null) {
            channel.flush();
        }
    }

    private boolean perform(SessionAction action) {
        return switch (action) {
            case SessionOrder order -> carryOut(order);
            case SessionReport report -> {
                peer.report(this, report);
                yield false;
            }
        };
    }

    /** Carries out one order; true when it wrote a message, which {@link #handle} then flushes. */
    private boolean carryOut(SessionOrder order) {
        switch (order) {
            case SessionOrder.Connect c -> connect();
            case SessionOrder.Send s -> {
                if (channel != null) {
                    channel.write(s.message(), channel.voidPromise());
                    return true;
                }
            }
            case SessionOrder.CloseConnection c -> close();
            case SessionOrder.StartTimer t -> startTimer(t.timer(), t.delay());
            case SessionOrder.StopTimer t -> stopTimer(t.timer());
            case SessionOrder.OpenAccepted a -> {
                // From here on frames are read (and written) with what the OPENs negotiated.
                if (channel != null) {
                    channel.pipeline().get(BgpFrameDecoder.class).capabilities(a.negotiated().codec());
                }
            }
        }
        return false;
    }

    private void connect() {
        direction = ConnectionDirection.OUTBOUND;
        ChannelFuture attempt = peer.speaker().connect(peer, this);
        connecting = attempt;
        attempt.addListener((ChannelFutureListener) f -> peer.onLoop(() -> {
            if (connecting != f) {
                f.channel().close(); // the session gave up on this attempt meanwhile
                return;
            }
            connecting = null;
            if (f.isSuccess()) {
                channel = f.channel();
                handle(new SessionEvent.TcpConnected());
            } else {
                peer.event(System.Logger.Level.DEBUG, "connect-failed").with("error", f.cause().getMessage()).log();
                handle(new SessionEvent.TcpConnectionFails());
            }
        }));
    }

    /** Takes a connection the peer opened to us; the caller sends the session TcpAccepted. */
    void attachAccepted(Channel accepted) {
        abortConnect();
        direction = ConnectionDirection.INBOUND;
        channel = accepted;
    }

    boolean isConnecting() {
        return connecting != null;
    }

    private void abortConnect() {
        if (connecting != null) {
            ChannelFuture attempt = connecting;
            connecting = null;
            attempt.cancel(false);
            attempt.channel().close();
        }
    }

    /** Sends what was written before, then closes (RFC 4271 §4.5: the NOTIFICATION goes first). */
    private void close() {
        abortConnect();
        if (channel != null) {
            Channel c = channel;
            channel = null;
            c.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void received(Channel from, DecodeResult<BgpMessage> result) {
        if (from == channel) {
            handle(SessionEvent.decoded(result));
        }
    }

    void closed(Channel from) {
        if (from == channel) {
            channel = null;
            handle(new SessionEvent.TcpConnectionFails());
        }
    }

    /** Writes the messages and flushes once: a full table is one syscall burst, not one per UPDATE. */
    void sendAll(List<? extends BgpMessage> messages) {
        if (channel != null) {
            for (BgpMessage m : messages) {
                channel.write(m, channel.voidPromise());
            }
            channel.flush();
        }
    }

    /**
     * Writes messages encoded elsewhere (Adj-RIB-Out encodes once per update group) and flushes
     * once. Each array is wrapped, not copied, so every peer of a group writes the same array.
     */
    void sendAllEncoded(List<byte[]> messages) {
        if (channel != null) {
            for (byte[] m : messages) {
                channel.write(Unpooled.wrappedBuffer(m), channel.voidPromise());
            }
            channel.flush();
        }
    }

    private void startTimer(TimerKind kind, Duration delay) {
        stopTimer(kind);
        timers.put(kind, clock.schedule(peer.loop(), () -> {
            timers.remove(kind);
            handle(new SessionEvent.TimerExpired(kind));
        }, delay));
    }

    private void stopTimer(TimerKind kind) {
        Future<?> pending = timers.remove(kind);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Stops everything this connection has running; its session is not used again. */
    void dispose() {
        for (TimerKind kind : List.copyOf(timers.keySet())) {
            stopTimer(kind);
        }
        close();
    }
}
