package dev.podbgp.bgp.transport;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.message.Notification;
import dev.podbgp.inet.Prefix;
import dev.podbgp.log.EventLog;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.unix.UnixChannel;
import io.netty.channel.epoll.EpollChannelOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A BGP speaker's sockets: listeners, outgoing connections and the configured peers. A
 * connection from an address that is not a configured peer is closed at once and counted,
 * unless it comes from a listen range ({@link DynamicRange}): then it becomes a dynamic peer
 * for as long as its session lasts.
 */
public final class BgpSpeaker implements AutoCloseable {

    private static final EventLog LOG = EventLog.named("podbgp.transport");
    /** Bounds what one peer's unsent messages may hold before the sender must wait. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final NettyTransport transport;
    private final EventLoopGroup group;
    private final PeerListener listener;
    private final SessionClock clock;
    private final Map<InetAddress, BgpPeer> peers = new ConcurrentHashMap<>();
    private final List<Channel> listeners = new ArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    /** Listen ranges by prefix, each with its live dynamic peers; changed under {@code dynamicLock}. */
    private final Map<Prefix, RangePeers> ranges = new ConcurrentHashMap<>();
    /** Each live dynamic peer's range, also after the range itself was removed: its end must still be heard. */
    private final Map<BgpPeer, RangePeers> dynamicPeers = new ConcurrentHashMap<>();
    private final Object dynamicLock = new Object();
    private final SplittableRandom seeds = new SplittableRandom();
    private volatile boolean restarting;
    /** Set by the first stop; a later one (close() after shutdownForRestart) does nothing. */
    private final AtomicBoolean stopped = new AtomicBoolean();

    private BgpSpeaker(SpeakerConfig config, PeerListener listener, SessionClock clock) {
        this.transport = NettyTransport.choose(config.preferEpoll());
        this.group = transport.newGroup(config.eventLoopThreads(), config.threadFactory());
        this.listener = listener;
        this.clock = clock;
    }

    /** Binds every listen address; a failure to bind closes what was opened and throws. */
    public static BgpSpeaker start(SpeakerConfig config, PeerListener listener) {
        return start(config, listener, SessionClock.SYSTEM);
    }

    /** {@link #start(SpeakerConfig, PeerListener)} with the sessions' time and timers from {@code clock}. */
    static BgpSpeaker start(SpeakerConfig config, PeerListener listener, SessionClock clock) {
        BgpSpeaker speaker = new BgpSpeaker(config, listener, clock);
        try {
            for (InetSocketAddress address : config.listen()) {
                speaker.listen(address);
            }
        } catch (RuntimeException e) {
            speaker.close();
            throw e;
        }
        LOG.info("speaker-started").with("transport", speaker.transport.epoll() ? "epoll" : "nio")
                .with("listen", speaker.boundAddresses()).log();
        return speaker;
    }

    private void listen(InetSocketAddress address) {
        ServerBootstrap b = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accept(ch);
                    }
                });
        // The listening socket is created on an event-loop thread: the one in the right namespace.
        ChannelFuture bound = group.next().submit(() -> b.bind(address)).syncUninterruptibly().getNow()
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new UncheckedIOException(new IOException("cannot listen on " + address, bound.cause()));
        }
        synchronized (listeners) {
            listeners.add(bound.channel());
        }
        updateMd5Keys();
    }

    private void accept(Channel ch) {
        InetSocketAddress remote = (InetSocketAddress) ch.remoteAddress();
        BgpPeer configured = peers.get(remote.getAddress());
        BgpPeer peer = configured != null ? configured : dynamicPeer(remote.getAddress());
        if (peer == null) {
            ch.close();
            return;
        }
        applyTtl(ch, peer.config());
        ConnectionHandler handler = pipeline(ch, peer, null);
        peer.enqueue(() -> peer.accepted(ch, handler));
    }

    /**
     * The peer a connection from {@code address} makes in the longest listen range holding it; null (logged and
     * counted) when no range does (DESIGN: only configured peers, unknown connections are refused) or the range is
     * full.
     */
    private BgpPeer dynamicPeer(InetAddress address) {
        synchronized (dynamicLock) {
            BgpPeer existing = peers.get(address);
            if (existing != null) {
                return existing;
            }
            RangePeers in = ranges.values().stream().filter(r -> r.range.contains(address))
                    .max(Comparator.comparingInt(r -> r.range.range().length())).orElse(null);
            if (in == null) {
                return refuse(address, "no configured peer");
            }
            if (in.peers.size() >= in.range.maxSessions()) {
                return refuse(address, "listen range " + in.range.range() + " has its " + in.range.maxSessions() + " sessions");
            }
            BgpPeer peer = new BgpPeer(this, in.range.peerAt(address), group.next(), listener,
                    new SplittableRandom(seeds.nextLong()), in.range);
            peer.restarting(restarting);
            in.peers.add(peer);
            dynamicPeers.put(peer, in);
            LOG.info("dynamic-peer-added").with("peer", address).with("range", in.range.range()).log();
            listener.dynamicPeerAdded(peer);
            // As in addPeer: started before it is published, so the connection is handed over behind the start.
            peer.start();
            peers.put(address, peer);
            return peer;
        }
    }

    private BgpPeer refuse(InetAddress address, String reason) {
        refused.incrementAndGet();
        LOG.warn("connection-refused").with("remote", address).with("reason", reason).log();
        return null;
    }

    /** A dynamic peer's session ended (or its range went away): it is forgotten, once; its routes went with its session. */
    void dynamicPeerEnded(BgpPeer peer) {
        boolean removed;
        synchronized (dynamicLock) {
            RangePeers in = dynamicPeers.remove(peer);
            removed = in != null && in.peers.remove(peer);
            peers.remove(peer.config().address(), peer);
        }
        if (removed) {
            // Passive sessions wait in Active again after a failure; this one has no one to wait for.
            peer.stop(null);
            LOG.info("dynamic-peer-removed").with("peer", peer.config().address()).log();
            listener.dynamicPeerRemoved(peer);
        }
    }

    /**
     * Starts accepting connections from {@code range}: each becomes a dynamic peer. The range's MD5 password, if
     * any, is set for the whole prefix on every listening socket.
     */
    public void addDynamicRange(DynamicRange range) {
        if (range.template().md5Password() != null) {
            requireEpoll("TCP MD5");
        }
        synchronized (dynamicLock) {
            if (ranges.putIfAbsent(range.range(), new RangePeers(range)) != null) {
                throw new IllegalArgumentException("listen range " + range.range() + " is already configured");
            }
        }
        if (range.template().md5Password() != null) {
            forEachListener(fd -> TcpMd5Prefix.set(fd, range.range(), range.template().md5Key()));
        }
        LOG.info("listen-range-added").with("range", range.range()).with("peer-as", range.template().session().acceptedPeerAs())
                .with("max-sessions", range.maxSessions()).log();
    }

    /** Stops accepting from the range; its dynamic peers end with Cease/Peer De-configured (RFC 4486 §4). */
    public void removeDynamicRange(Prefix range) {
        RangePeers gone;
        // First no new peers from it, then the end of those it has (none can join them meanwhile).
        synchronized (dynamicLock) {
            gone = ranges.remove(range);
        }
        if (gone == null) {
            return;
        }
        for (BgpPeer p : List.copyOf(gone.peers)) {
            p.tearDown(Notification.of(BgpError.CEASE_PEER_DECONFIGURED));
            p.enqueue(() -> dynamicPeerEnded(p));
        }
        if (gone.range.template().md5Password() != null) {
            forEachListener(fd -> TcpMd5Prefix.remove(fd, range));
        }
        LOG.info("listen-range-removed").with("range", range).log();
    }

    public List<DynamicRange> dynamicRanges() {
        return ranges.values().stream().map(RangePeers::range).toList();
    }

    /** A listen range and its live peers. */
    private record RangePeers(DynamicRange range, Set<BgpPeer> peers) {
        RangePeers(DynamicRange range) {
            this(range, ConcurrentHashMap.newKeySet());
        }
    }

    /** Something done to a listening socket's file descriptor. */
    private interface ListenerAction {
        void apply(int fd) throws IOException;
    }

    private void forEachListener(ListenerAction action) {
        if (!transport.epoll()) {
            return;
        }
        synchronized (listeners) {
            for (Channel l : listeners) {
                try {
                    action.apply(((UnixChannel) l).fd().intValue());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static ConnectionHandler pipeline(Channel ch, BgpPeer peer, PeerConnection owner) {
        BgpFrameDecoder decoder = new BgpFrameDecoder();
        ConnectionHandler handler = new ConnectionHandler(peer, owner);
        ch.pipeline().addLast("frames", decoder).addLast("messages", new BgpMessageEncoder(decoder)).addLast("session", handler);
        return handler;
    }

    SessionClock clock() {
        return clock;
    }

    /** Opens the connection a session asked for, on the peer's own event loop. */
    ChannelFuture connect(BgpPeer peer, PeerConnection owner) {
        PeerConfig pc = peer.config();
        Bootstrap b = new Bootstrap().group(peer.loop()).channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        applyTtl(ch, pc);
                        pipeline(ch, peer, owner);
                    }
                });
        if (pc.md5Key() != null) {
            requireEpoll("TCP MD5");
            b.option(EpollChannelOption.TCP_MD5SIG, Map.of(pc.address(), pc.md5Key()));
        }
        InetSocketAddress remote = new InetSocketAddress(pc.address(), pc.port());
        return pc.localAddress() == null ? b.connect(remote) : b.connect(remote, new InetSocketAddress(pc.localAddress(), 0));
    }

    private void applyTtl(Channel ch, PeerConfig pc) {
        TtlPolicy ttl = pc.ttl();
        if (ttl.equals(TtlPolicy.SYSTEM_DEFAULT)) {
            return;
        }
        requireEpoll("TTL/GTSM");
        int fd = ((UnixChannel) ch).fd().intValue();
        boolean ipv6 = pc.address() instanceof Inet6Address;
        try {
            if (ttl.sendTtl() != 0) {
                SocketOptions.setSendTtl(fd, ipv6, ttl.sendTtl());
            }
            if (ttl.minimumTtl() != 0) {
                SocketOptions.setMinimumTtl(fd, ipv6, ttl.minimumTtl());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireEpoll(String what) {
        if (!transport.epoll()) {
            throw new IllegalStateException(what + " needs the epoll transport, which is not available here");
        }
    }

    /** RFC 2385: listening sockets must know every peer's key to answer its SYN. */
    private void updateMd5Keys() {
        if (!transport.epoll()) {
            return;
        }
        Map<InetAddress, byte[]> keys = new HashMap<>();
        peers.values().forEach(p -> {
            if (p.config().md5Key() != null) {
                keys.put(p.config().address(), p.config().md5Key());
            }
        });
        synchronized (listeners) {
            for (Channel l : listeners) {
                l.config().setOption(EpollChannelOption.TCP_MD5SIG, keys);
            }
        }
    }

    /**
     * Graceful restart, the restarting side (RFC 4724 §4.1): while on, every OPEN we send has the R
     * bit, telling peers not to wait for our End-of-RIB before sending theirs. On from a start
     * that found our forwarding state of the last run, off once our routes have converged.
     */
    public void restarting(boolean on) {
        restarting = on;
        peers.values().forEach(p -> p.restarting(on));
    }

    /** Adds a peer and starts its session (it connects unless its session config is passive). */
    public BgpPeer addPeer(PeerConfig config) {
        if (config.md5Password() != null) {
            requireEpoll("TCP MD5");
        }
        BgpPeer existing = peers.get(config.address());
        if (existing != null && existing.dynamicRange().isEmpty()) {
            throw new IllegalArgumentException("peer " + config.address().getHostAddress() + " is already configured");
        }
        if (existing != null) {
            // A configured peer takes its address over from a dynamic one: the configuration says who it is.
            peers.remove(config.address(), existing);
            existing.tearDown(Notification.of(BgpError.CEASE_OTHER_CONFIGURATION_CHANGE));
            existing.enqueue(() -> dynamicPeerEnded(existing));
        }
        BgpPeer peer = new BgpPeer(this, config, group.next(), listener, new SplittableRandom(seeds.nextLong()), null);
        peer.restarting(restarting);
        // Start first, publish second: an accepted connection is handed over through the same
        // event-loop queue, so it can never be looked at before the session has started.
        peer.start();
        if (peers.putIfAbsent(config.address(), peer) != null) {
            peer.stop(null);
            throw new IllegalArgumentException("peer " + config.address().getHostAddress() + " is already configured");
        }
        updateMd5Keys();
        return peer;
    }

    /** Stops the peer's session with an administrative shutdown carrying {@code communication}, and forgets it. */
    public void removePeer(InetAddress address, String communication) {
        BgpPeer peer = peers.remove(address);
        if (peer != null) {
            peer.stop(communication);
            updateMd5Keys();
        }
    }

    /**
     * The peer left the configuration: its session ends with Cease/Peer De-configured (RFC 4486
     * §4, subcode 3) and it is forgotten.
     */
    public void deconfigurePeer(InetAddress address) {
        dropPeer(address, BgpError.CEASE_PEER_DECONFIGURED);
    }

    /**
     * The peer's session settings changed, so its session must start over: it ends with
     * Cease/Other Configuration Change (RFC 4486 §4, subcode 6) and the peer is forgotten, to
     * be added again with the new settings.
     */
    public void resetForConfigurationChange(InetAddress address) {
        dropPeer(address, BgpError.CEASE_OTHER_CONFIGURATION_CHANGE);
    }

    private void dropPeer(InetAddress address, BgpError cease) {
        BgpPeer peer = peers.remove(address);
        if (peer != null) {
            peer.tearDown(Notification.of(cease));
            updateMd5Keys();
        }
    }

    public Optional<BgpPeer> peer(InetAddress address) {
        return Optional.ofNullable(peers.get(address));
    }

    public Collection<BgpPeer> peers() {
        return List.copyOf(peers.values());
    }

    /** Connections closed because they came from no configured peer. */
    public long refusedConnections() {
        return refused.get();
    }

    public List<InetSocketAddress> boundAddresses() {
        synchronized (listeners) {
            return listeners.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
        }
    }

    /**
     * Stops every peer with an administrative shutdown carrying {@code communication} (the
     * NOTIFICATIONs are flushed before the sockets close), then releases the event loops. With
     * N negotiated (RFC 8538) it goes as a Hard Reset: the peers drop our routes.
     */
    public void shutdown(String communication) {
        shutdown(p -> p.stop(communication));
    }

    /**
     * The hitless stop before a restart: every peer's session ends so that the peer keeps our
     * routes as stale until we are back and send End-of-RIB ({@link BgpPeer#stopForRestart}):
     * Cease / Administrative Reset with {@code communication} when N was negotiated, a close
     * without NOTIFICATION when the peer helps our restart without N, an administrative
     * shutdown otherwise. Nothing else is sent first; then the event loops are released.
     */
    public void shutdownForRestart(String communication) {
        shutdown(p -> p.stopForRestart(communication));
    }

    private void shutdown(Consumer<BgpPeer> stop) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        peers.values().forEach(stop);
        // Each stop runs on its peer's loop; a task queued behind them on every loop marks the
        // point where all NOTIFICATIONs have been written.
        group.forEach(loop -> loop.submit(() -> { }).awaitUninterruptibly(2, TimeUnit.SECONDS));
        synchronized (listeners) {
            listeners.forEach(l -> l.close().awaitUninterruptibly(1, TimeUnit.SECONDS));
        }
        group.shutdownGracefully(200, 2_000, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        shutdown("podbgp is shutting down");
    }
}
