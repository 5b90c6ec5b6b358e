package dev.podbgp.bfd.transport;

import java.util.concurrent.atomic.AtomicLong;

/** The counters behind {@link TransportCounters}: written on the event loop, read from anywhere. */
final class TransportStats {

    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unknownDiscriminator = new AtomicLong();
    private final AtomicLong unknownSource = new AtomicLong();
    private volatile long kernelDropped;

    void malformed() {
        malformed.incrementAndGet();
    }

    void unknownDiscriminator() {
        unknownDiscriminator.incrementAndGet();
    }

    void unknownSource() {
        unknownSource.incrementAndGet();
    }

    void kernelDropped(long total) {
        kernelDropped = total;
    }

    TransportCounters snapshot() {
        return new TransportCounters(malformed.get(), unknownDiscriminator.get(), unknownSource.get(), kernelDropped);
    }
}
