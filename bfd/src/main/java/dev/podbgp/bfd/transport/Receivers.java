package dev.podbgp.bfd.transport;

import dev.podbgp.log.EventLog;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The receive sockets, one per {@link ReceiveKey}, shared by the sessions with that key and
 * closed with the last of them. One socket per local address rather than one wildcard socket
 * per family: the kernel then tells, by the socket, which local address a packet was sent to
 * (the addressing that selects a session, RFC 5881 §3) without IP_PKTINFO, which Netty's epoll
 * transport does not pass up; an interface binds the socket with SO_BINDTODEVICE; and addresses
 * BFD is not configured on stay free for another BFD speaker on the node. Event-loop confined.
 */
final class Receivers {
    private static final EventLog LOG = EventLog.named("podbgp.bfd");


    private static final class Receiver {
        final EpollDatagramChannel channel;
        final ChannelFuture bound;
        final int minimumTtl;
        int users;

        Receiver(EpollDatagramChannel channel, ChannelFuture bound, int minimumTtl) {
            this.channel = channel;
            this.bound = bound;
            this.minimumTtl = minimumTtl;
        }
    }

    private final EventLoop loop;
    private final Demultiplexer demux;
    private final Map<ReceiveKey, Receiver> open = new HashMap<>();
    /** Kernel drops of sockets already closed, so the total never goes back. */
    private long closedDrops;

    Receivers(EventLoop loop, Demultiplexer demux) {
        this.loop = loop;
        this.demux = demux;
    }

    /**
     * One more user of the socket for {@code key}, opened and bound to {@code address} if it is the
     * first; the future completes when the socket is bound. Every call, whatever the future's
     * outcome, is matched by one {@link #release}.
     *
     * @throws IllegalArgumentException when the socket exists with another minimum TTL: the kernel's
     *                                  filter is per socket, and a weaker one would let packets
     *                                  through that a session was configured to refuse
     */
    ChannelFuture acquire(ReceiveKey key, int minimumTtl, InetSocketAddress address) {
        Receiver receiver = open.get(key);
        if (receiver == null) {
            EpollDatagramChannel channel = DatagramSockets.receiver(key, minimumTtl);
            channel.pipeline().addLast(new ReceiveHandler(key, demux));
            receiver = new Receiver(channel, DatagramSockets.registerAndBind(loop, channel, address), minimumTtl);
            open.put(key, receiver);
            LOG.info("socket-opened").with("on", key).with("minTtl", minimumTtl).log();
        } else if (receiver.minimumTtl != minimumTtl) {
            throw new IllegalArgumentException("sessions on " + key + " accept TTL " + receiver.minimumTtl
                    + " and above; one socket cannot also apply " + minimumTtl);
        }
        receiver.users++;
        return receiver.bound;
    }

    void release(ReceiveKey key) {
        Receiver receiver = open.get(key);
        if (receiver != null && --receiver.users == 0) {
            close(key, receiver);
            open.remove(key);
        }
    }

    /** Datagrams the kernel dropped on our receive sockets since the transport started. */
    long kernelDrops() {
        long total = closedDrops;
        for (Receiver receiver : open.values()) {
            total += drops(receiver);
        }
        return total;
    }

    void closeAll() {
        open.forEach(this::close);
        open.clear();
    }

    private void close(ReceiveKey key, Receiver receiver) {
        closedDrops += drops(receiver);
        receiver.channel.close();
        LOG.info("socket-closed").with("on", key).log();
    }

    private static long drops(Receiver receiver) {
        return receiver.channel.isOpen() ? DatagramSockets.drops(receiver.channel) : 0;
    }
}
