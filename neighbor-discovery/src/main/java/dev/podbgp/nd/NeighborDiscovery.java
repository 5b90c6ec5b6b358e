package dev.podbgp.nd;

import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.nd.socket.Icmpv6Socket;
import dev.podbgp.nd.socket.Received;
import dev.podbgp.nd.wire.NdMessage;
import dev.podbgp.nd.wire.NeighborAdvertisement;
import dev.podbgp.nd.wire.RouterAdvertisement;
import dev.podbgp.nd.wire.RouterSolicitation;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Neighbor Discovery on one interface for an unnumbered BGP session, on a platform thread of its
 * own: a router solicitation at start, a router advertisement of lifetime 0 every
 * {@link #ADVERTISE_INTERVAL} (and in answer to a solicitation) so the peer learns our link-local
 * address, and every valid advertisement the peer sends passed to the listener.
 *
 * <p>The thread must be in the target network namespace before it opens its socket: the caller's
 * {@link ThreadFactory} sees to that (a namespace-bound factory in the lab, a plain one otherwise).
 */
public final class NeighborDiscovery implements AutoCloseable {

    /** The interval FRR uses on BGP unnumbered links; RFC 4861 §6.2.1 allows 4..1800 s. */
    public static final Duration ADVERTISE_INTERVAL = Duration.ofSeconds(10);
    /** How long a socket read waits, so a close is noticed quickly. */
    private static final Duration POLL = Duration.ofMillis(500);
    /** After a failure (the interface gone, down, no link-local address yet) the link is tried again after this. */
    private static final Duration RETRY = Duration.ofSeconds(2);
    static final Ipv6Address ALL_NODES = Ipv6Address.parse("ff02::1");
    static final Ipv6Address ALL_ROUTERS = Ipv6Address.parse("ff02::2");
    private static final int[] READ_TYPES = {NdMessage.ROUTER_SOLICITATION, NdMessage.ROUTER_ADVERTISEMENT,
            NdMessage.NEIGHBOR_ADVERTISEMENT};

    private final String interfaceName;
    private final NeighborListener listener;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean closed;

    private NeighborDiscovery(String interfaceName, NeighborListener listener, Duration interval, ThreadFactory threads) {
        this.interfaceName = interfaceName;
        this.listener = listener;
        this.interval = interval;
        this.thread = threads.newThread(this::run);
        if (thread.isVirtual()) {
            throw new IllegalArgumentException("neighbour discovery needs a platform thread: its socket belongs to the thread's namespace");
        }
        thread.setName("nd-" + interfaceName);
        thread.setDaemon(true);
    }

    /** Starts discovery on {@code interfaceName}, advertising every {@link #ADVERTISE_INTERVAL}. */
    public static NeighborDiscovery start(String interfaceName, NeighborListener listener, ThreadFactory threads) {
        return start(interfaceName, listener, ADVERTISE_INTERVAL, threads);
    }

    public static NeighborDiscovery start(String interfaceName, NeighborListener listener, Duration interval, ThreadFactory threads) {
        NeighborDiscovery nd = new NeighborDiscovery(interfaceName, listener, interval, threads);
        nd.thread.start();
        return nd;
    }

    public String interfaceName() {
        return interfaceName;
    }

    private void run() {
        while (!closed) {
            try (Icmpv6Socket socket = Icmpv6Socket.open(interfaceName, READ_TYPES, POLL)) {
                serve(socket);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                listener.unavailable(interfaceName, e.getMessage());
                sleep(RETRY);
            }
        }
    }

    private void serve(Icmpv6Socket socket) throws IOException {
        socket.send(RouterSolicitation.INSTANCE.encode(), ALL_ROUTERS);
        byte[] advertisement = RouterAdvertisement.NOT_A_DEFAULT_ROUTER.encode();
        byte[] buffer = new byte[1500];
        long nextAdvertisement = System.nanoTime();
        while (!closed) {
            if (System.nanoTime() - nextAdvertisement >= 0) {
                socket.send(advertisement, ALL_NODES);
                nextAdvertisement = System.nanoTime() + interval.toNanos();
            }
            Received r = socket.receive(buffer);
            if (r == null) {
                continue;
            }
            switch (NdMessage.decode(buffer, r.length(), r.hopLimit(), r.source())) {
                case NdMessage.Valid(RouterAdvertisement ra, Ipv6Address from) ->
                        listener.heard(new LinkNeighbor(interfaceName, socket.ifindex(), from, LinkNeighbor.HeardFrom.ROUTER_ADVERTISEMENT));
                case NdMessage.Valid(NeighborAdvertisement na, Ipv6Address from) when from.isLinkLocal() ->
                        listener.heard(new LinkNeighbor(interfaceName, socket.ifindex(), from, LinkNeighbor.HeardFrom.NEIGHBOR_ADVERTISEMENT));
                // RFC 4861 §6.2.6: a router answers a solicitation; ours goes out now instead of at the next interval.
                case NdMessage.Valid(RouterSolicitation rs, Ipv6Address from) -> nextAdvertisement = System.nanoTime();
                case NdMessage.Valid v -> { }
                case NdMessage.Discarded d -> { }
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops advertising and listening; returns once the thread has closed its socket. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(POLL.multipliedBy(4).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
