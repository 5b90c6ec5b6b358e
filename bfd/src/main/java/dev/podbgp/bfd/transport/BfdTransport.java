package dev.podbgp.bfd.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * BFD sessions over UDP (RFC 5881 single hop, RFC 5883 multihop), on one Netty epoll event loop
 * that owns every socket, session and timer. Methods may be called from any thread; they hand the
 * work to the loop. {@link #status} and {@link #sessions} read snapshots the loop publishes, and
 * never wait for it.
 *
 * <p>Per session: Control packets go from the session's own source port (49152–65535, unique
 * in this transport, RFC 5881 §4) with TTL (Hop Limit) 255 to port 3784 (single hop) or 4784
 * (multihop). They are received on one socket per local address and port (see {@link Receivers}),
 * where a socket filter makes the kernel drop packets below the minimum TTL: 255 for single hop
 * (RFC 5881 §5), the configured one for multihop. A packet selects its session by Your
 * Discriminator, or by source and local address when that is 0 (RFC 5880 §6.3).
 *
 * <p>Needs the native epoll transport: there is no NIO fallback, because NIO can set neither the
 * unicast TTL nor a socket filter, and a single-hop peer drops packets not sent with TTL 255.
 */
public final class BfdTransport implements AutoCloseable {

    /** Binding two sockets is immediate; this only bounds a loop that has stopped answering. */
    private static final long ADD_TIMEOUT_SECONDS = 10;

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final TransportEngine engine;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BfdTransport(EventLoopGroup group, BfdListener listener) {
        this.group = group;
        this.loop = group.next();
        this.engine = new TransportEngine(loop, listener);
        loop.scheduleAtFixedRate(engine::sampleKernelDrops, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts the event loop; no socket is open until the first {@link #add}.
     *
     * @throws IllegalStateException when the native epoll transport does not load here
     */
    public static BfdTransport start(BfdTransportConfig config, BfdListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("BFD needs Netty's native epoll transport (TTL 255 and the TTL filter need "
                    + "a socket descriptor)", Epoll.unavailabilityCause());
        }
        return new BfdTransport(new MultiThreadIoEventLoopGroup(1, config.threadFactory(), EpollIoHandler.newFactory()),
                listener);
    }

    /**
     * Creates the session for {@code peer}, opens its sockets and enables it (AdminUp, §6.8.16).
     * Waits until the sockets are bound, so a bad address fails here; must therefore not be called
     * on the transport's own event loop (from a {@link BfdListener}, say).
     *
     * @throws IllegalArgumentException a session with the same peer, local address, interface and
     *                                  hop mode exists, the interface is unknown, or the receive
     *                                  socket applies another minimum TTL
     * @throws java.io.UncheckedIOException a socket could not be bound (the local address is not on
     *                                  this host, the port is taken by a process without SO_REUSEADDR)
     */
    public BfdSessionHandle add(BfdPeerConfig peer) {
        Objects.requireNonNull(peer, "peer");
        if (loop.inEventLoop()) {
            throw new IllegalStateException("add waits for the event loop, so it cannot run on it");
        }
        CompletableFuture<BfdSessionHandle> done = new CompletableFuture<>();
        if (closed.get() || !execute(() -> engine.add(peer, done))) {
            throw new IllegalStateException("the BFD transport is closed");
        }
        try {
            return done.get(ADD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot add a BFD session to " + peer.peer(), e.getCause());
        } catch (TimeoutException e) {
            done.cancel(false);
            throw new IllegalStateException("the BFD event loop did not answer in " + ADD_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            done.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding a BFD session to " + peer.peer(), e);
        }
    }

    /**
     * Takes the session down administratively: it sends AdminDown with diag Administratively Down
     * (§6.8.16) {@value SessionDriver#ADMIN_DOWN_PACKETS} times at its slow rate, so the peer's
     * session goes Down knowing why, and is then dropped; meanwhile {@link #status} shows it with
     * {@code removing} set. At once, a new session to the same peer may be added. Returns at once;
     * an unknown or already removed handle is ignored.
     */
    public void remove(BfdSessionHandle handle) {
        Objects.requireNonNull(handle, "handle");
        execute(() -> engine.remove(handle));
    }

    /**
     * New intervals for a session; interval changes reach the peer in a Poll Sequence (§6.8.3).
     * Ignored for an unknown handle or a session being removed.
     */
    public void update(BfdSessionHandle handle, BfdIntervals intervals) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(intervals, "intervals");
        execute(() -> engine.update(handle, intervals));
    }

    /** The session as last published by the loop; empty once it is gone. */
    public Optional<BfdSessionStatus> status(BfdSessionHandle handle) {
        return Optional.ofNullable(engine.published().get(handle)).map(SessionDriver::status);
    }

    /** Every session, in the order they were added. */
    public List<BfdSessionStatus> sessions() {
        return engine.published().values().stream().map(SessionDriver::status).toList();
    }

    public TransportCounters counters() {
        return engine.stats.snapshot();
    }

    /**
     * Closes every socket at once, sending nothing: peers see the sessions time out (diag Control
     * Detection Time Expired), as after a crash. For peers to learn of a planned stop instead,
     * {@link #remove} the sessions first and wait until {@link #sessions} is empty.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        execute(engine::closeAll);
        var terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!loop.inEventLoop()) {
            terminated.awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Whether the loop took {@code task}; after {@link #close} it takes nothing. */
    private boolean execute(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
