package dev.podbgp.bench;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.BgpSpeaker;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.transport.PeerListener;
import dev.podbgp.bgp.transport.SpeakerConfig;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.Ipv4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One full-table feeder: podbgp's own speaker, its socket in the feeder namespace, dialling
 * the target once and streaming pre-encoded UPDATEs as fast as the socket takes them: its
 * table once the session is up, then whatever {@link #send} is given (withdrawals and the
 * table again, for cycles). It sends a batch, waits until the batch is in the send buffer, and
 * waits for {@link #writable} when the buffer is above its high-water mark, so at most one
 * batch plus the buffer is in memory beyond the messages themselves.
 */
final class FullTableFeeder implements PeerListener, AutoCloseable {

    private static final int BATCH = 16;

    private final byte[][] table;
    private final CountDownLatch established = new CountDownLatch(1);
    private final Object writableSignal = new Object();
    private final AtomicInteger downs = new AtomicInteger();
    private volatile long establishedNanos;
    private volatile long sentNanos;
    private volatile NegotiatedSession session;
    private volatile BgpPeer peer;
    private volatile String lastDown = "";
    private BgpSpeaker speaker;
    private volatile Thread sender;

    FullTableFeeder(byte[][] table) {
        this.table = table;
    }

    void start(String namespace, InetAddress local, InetAddress target, long localAs, long targetAs, int holdTime,
            Set<Family> families) {
        speaker = BgpSpeaker.start(new SpeakerConfig(List.of(), 1, true,
                NetworkNamespace.named(namespace).threadFactory(SpeakerConfig.defaultThreads())), this);
        SessionConfig session = SessionConfig.of(localAs, targetAs, Ipv4Address.parse(local.getHostAddress()), families)
                .withHoldTime(holdTime, holdTime / 3);
        speaker.addPeer(PeerConfig.of(target, session).withPort(179).withLocalAddress(local));
    }

    /** Waits for the session; true when it came up within {@code millis}. */
    boolean awaitEstablished(long millis) throws InterruptedException {
        return established.await(millis, TimeUnit.MILLISECONDS);
    }

    long establishedNanos() {
        return establishedNanos;
    }

    /** When the last UPDATE of the latest stream was in the send buffer, or 0 while it is being sent. */
    long sentNanos() {
        return sentNanos;
    }

    int downs() {
        return downs.get();
    }

    String lastDown() {
        return lastDown;
    }

    @Override
    public void established(BgpPeer peer, NegotiatedSession negotiated) {
        if (session != null) {
            return; // a second session: the run has failed already (downs says so)
        }
        this.peer = peer;
        session = negotiated;
        establishedNanos = System.nanoTime();
        established.countDown();
        send(table);
    }

    /** Streams {@code messages} on a thread of its own, after the previous stream is sent; {@link #sentNanos} says when it is. */
    synchronized void send(byte[][] messages) {
        Thread previous = sender;
        sentNanos = 0;
        // Not on the event loop: the sender blocks on futures the event loop completes.
        sender = Thread.ofPlatform().daemon().name("ftb-feeder").start(() -> {
            try {
                if (previous != null) {
                    previous.join();
                }
                stream(messages);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void stream(byte[][] messages) {
        try {
            for (int i = 0; i < messages.length; i += BATCH) {
                synchronized (writableSignal) {
                    while (!peer.isWritable()) {
                        if (downs.get() > 0) {
                            return;
                        }
                        writableSignal.wait(10);
                    }
                }
                List<byte[]> batch = Arrays.asList(messages).subList(i, Math.min(messages.length, i + BATCH));
                if (!peer.sendEncoded(batch, session).get(60, TimeUnit.SECONDS)) {
                    return; // the session ended; down() counted it
                }
            }
            sentNanos = System.nanoTime();
        } catch (Exception e) {
            lastDown = "feeder failed: " + e;
        }
    }

    @Override
    public void writable(BgpPeer peer) {
        synchronized (writableSignal) {
            writableSignal.notifyAll();
        }
    }

    @Override
    public void down(BgpPeer peer, SessionReport.SessionDown down) {
        if (session == null) {
            return; // a refused connection attempt before the first session, not a session lost
        }
        downs.incrementAndGet();
        lastDown = down.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (speaker != null) {
            speaker.close();
        }
        Thread s = sender;
        if (s != null) {
            s.join(5_000);
        }
    }
}
