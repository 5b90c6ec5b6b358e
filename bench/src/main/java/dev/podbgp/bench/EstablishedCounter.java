package dev.podbgp.bench;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.session.SessionReport;
import dev.podbgp.bgp.session.SessionState;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.PeerListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a speaker's Established peers and notes when the first connection opened and when
 * the last peer came up. Runs on the event loops; does nothing else there.
 */
final class EstablishedCounter implements PeerListener {

    private final int expected;
    private final Set<BgpPeer> up = ConcurrentHashMap.newKeySet();
    private final AtomicInteger downs = new AtomicInteger();
    private final AtomicLong firstOpenSentNanos = new AtomicLong();
    private final CountDownLatch allUp = new CountDownLatch(1);
    private volatile long allUpNanos;

    EstablishedCounter(int expected) {
        this.expected = expected;
    }

    @Override
    public void stateChanged(BgpPeer peer, SessionState from, SessionState to) {
        if (to == SessionState.OPEN_SENT) {
            firstOpenSentNanos.compareAndSet(0, System.nanoTime());
        }
    }

    @Override
    public void established(BgpPeer peer, NegotiatedSession session) {
        if (up.add(peer) && up.size() == expected) {
            allUpNanos = System.nanoTime();
            allUp.countDown();
        }
    }

    @Override
    public void down(BgpPeer peer, SessionReport.SessionDown down) {
        // A session that flaps before all are up counts once more when it returns.
        up.remove(peer);
        downs.incrementAndGet();
    }

    /** True when all expected peers were Established at once within {@code timeoutMillis}. */
    boolean await(long timeoutMillis) throws InterruptedException {
        return allUp.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    int established() {
        return up.size();
    }

    int downs() {
        return downs.get();
    }

    /** When the first session reached OpenSent (its TCP connection was up), or 0. */
    long firstOpenSentNanos() {
        return firstOpenSentNanos.get();
    }

    long allUpNanos() {
        return allUpNanos;
    }
}
