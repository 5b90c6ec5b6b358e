package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.session.BfdSession;
import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.bfd.session.NanoClock;
import dev.podbgp.log.EventLog;
import io.netty.channel.ChannelFuture;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * One {@link BfdTransport#add} on the event loop, step by step: the receive socket, a send socket
 * on a free source port, then the session, enabled. Sockets bind asynchronously in Netty's terms,
 * so each step is a method that the previous one's future calls. A failure releases what the
 * earlier steps took and fails {@code done}; a caller that stopped waiting (done cancelled)
 * gets nothing installed.
 */
final class SessionOpening {
    private static final EventLog LOG = EventLog.named("podbgp.bfd");


    /** Ports some other process holds are skipped; this many in a row means something else is wrong. */
    private static final int PORT_ATTEMPTS = 16;
    private static final int EADDRINUSE = 98;

    private final TransportEngine engine;
    private final BfdPeerConfig config;
    private final CompletableFuture<BfdSessionHandle> done;
    private final ReceiveKey receiveKey;
    private final PeerKey peerKey;
    private Endpoints endpoints;
    private boolean holdsAddress;
    private boolean holdsReceiver;

    SessionOpening(TransportEngine engine, BfdPeerConfig config, CompletableFuture<BfdSessionHandle> done) {
        this.engine = engine;
        this.config = config;
        this.done = done;
        this.receiveKey = ReceiveKey.of(config);
        this.peerKey = PeerKey.of(config);
    }

    void start() {
        try {
            if (!engine.reserve(peerKey)) {
                throw new IllegalArgumentException("a BFD session to " + config.peer() + " on " + receiveKey + " exists already");
            }
            holdsAddress = true;
            endpoints = Endpoints.resolve(config);
            ChannelFuture bound = engine.receivers.acquire(receiveKey, config.minimumTtl(), endpoints.local(config.hop().port()));
            holdsReceiver = true;
            bound.addListener(f -> {
                if (f.isSuccess()) {
                    openSender(1);
                } else {
                    fail(f.cause());
                }
            });
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void openSender(int attempt) {
        OptionalInt port = engine.ports.take();
        if (port.isEmpty()) {
            fail(new IOException("every source port from " + HopMode.SOURCE_PORT_MIN + " to " + HopMode.SOURCE_PORT_MAX + " is in use"));
            return;
        }
        EpollDatagramChannel sender;
        try {
            sender = DatagramSockets.sender(config.peer().family(), config.interfaceName(), HopMode.TRANSMIT_TTL);
        } catch (RuntimeException e) {
            engine.ports.release(port.getAsInt());
            fail(e);
            return;
        }
        DatagramSockets.registerAndBind(engine.loop, sender, endpoints.local(port.getAsInt())).addListener(f -> {
            if (f.isSuccess()) {
                install(sender, port.getAsInt());
                return;
            }
            engine.ports.release(port.getAsInt());
            if (heldElsewhere(f.cause()) && attempt < PORT_ATTEMPTS) {
                openSender(attempt + 1);
            } else {
                fail(f.cause());
            }
        });
    }

    private void install(EpollDatagramChannel sender, int port) {
        if (done.isDone() || engine.closed()) {
            sender.close();
            engine.ports.release(port);
            fail(new IllegalStateException("the transport closed or the caller stopped waiting"));
            return;
        }
        int discriminator = engine.discriminators.take();
        BfdSessionHandle handle = new BfdSessionHandle(config.peer(), config.hop(), discriminator);
        BfdSession session = new BfdSession(config.sessionConfig(discriminator), NanoClock.system(),
                new SplittableRandom(engine.seed()));
        SessionDriver driver = new SessionDriver(handle, config, session, engine.loop, sender, endpoints.destination(),
                engine.listener, engine::finished);
        // The session owns the receive socket and the address from here; the engine releases them.
        holdsReceiver = false;
        holdsAddress = false;
        engine.release(peerKey);
        engine.installed(driver);
        LOG.info("session-added").with("peer", config.peer()).with("hop", config.hop()).with("on", receiveKey)
                .with("sourcePort", port).with("discr", Integer.toUnsignedString(discriminator)).log();
        driver.start();
        done.complete(handle);
    }

    private void fail(Throwable cause) {
        if (holdsAddress) {
            holdsAddress = false;
            engine.release(peerKey);
        }
        if (holdsReceiver) {
            holdsReceiver = false;
            engine.receivers.release(receiveKey);
        }
        LOG.warn("session-refused").with("peer", config.peer()).with("hop", config.hop()).with("error", cause).log();
        done.completeExceptionally(cause instanceof IOException io ? new UncheckedIOException(io.getMessage(), io) : cause);
    }

    /** EADDRINUSE: another socket, not one of ours, holds this source port on this address. */
    private static boolean heldElsewhere(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Errors.NativeIoException e && e.expectedErr() == -EADDRINUSE) {
                return true;
            }
        }
        return false;
    }
}
