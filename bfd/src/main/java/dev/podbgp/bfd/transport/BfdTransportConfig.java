package dev.podbgp.bfd.transport;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * How a {@link BfdTransport} runs. It has one event loop: a thousand sessions at 50 ms are twenty
 * thousand small datagrams a second each way, well within one thread, and one thread keeps every
 * session, socket and table confined without locks.
 *
 * @param threadFactory makes the event-loop thread. Every socket is created on it, so a thread that
 *                      joined a network namespace (setns on a platform thread) puts every session
 *                      there
 */
public record BfdTransportConfig(ThreadFactory threadFactory) {

    public BfdTransportConfig {
        Objects.requireNonNull(threadFactory, "threadFactory");
    }

    /** Netty's own thread type, named {@code podbgp-bfd-…}, in the process's namespace. */
    public static BfdTransportConfig defaults() {
        return new BfdTransportConfig(new DefaultThreadFactory("podbgp-bfd"));
    }
}
