package dev.podbgp.fib.route;

import static dev.podbgp.fib.netlink.Rtnetlink.*;

import dev.podbgp.fib.netlink.MessageBuilder;
import dev.podbgp.fib.netlink.Messages;
import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes route and nexthop-object requests in batches: requests are encoded into one off-heap
 * buffer, sent together when the batch is full or on {@link #flush()}, and every request asks for
 * an acknowledgement, so each one gets its own result (by sequence number) through the listener.
 * One thread at a time; encoding and acknowledging allocate nothing per route.
 */
public final class RouteWriter implements AutoCloseable {

    /** Room kept free for the largest request (a 64-path RTA_MULTIPATH is about 2.4 KB). */
    private static final int MAX_REQUEST = 4096;
    private static final int MAX_MULTIPATH = 64;

    private final NetlinkSocket socket;
    private final RouteOwner owner;
    private final RouteResultListener listener;
    private final Arena arena = Arena.ofShared();
    private final MessageBuilder batch;
    private final MemorySegment receive;
    private final int maxBatch;
    private final long[] tags;
    private int firstSequence;
    private int nextSequence = 1;

    public RouteWriter(NetlinkSocket socket, RouteOwner owner, int maxBatch, RouteResultListener listener)
            throws IOException {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size " + maxBatch);
        }
        this.socket = socket;
        this.owner = owner;
        this.listener = listener;
        this.maxBatch = maxBatch;
        this.tags = new long[maxBatch];
        this.batch = new MessageBuilder(arena, Math.max(64 * 1024, maxBatch * 96 + MAX_REQUEST));
        // An ack is 36 octets (capped); an error with its reason text can be a few hundred.
        this.receive = arena.allocate(256 * 1024, 8);
        socket.setBufferSizes(4 * 1024 * 1024, 4 * 1024 * 1024);
    }

    /** A writer on a new socket in the calling thread's namespace. */
    public static RouteWriter open(RouteOwner owner, RouteResultListener listener) throws IOException {
        return new RouteWriter(NetlinkSocket.open(), owner, 256, listener);
    }

    /** A writer whose socket was created inside {@code namespace} (on a dedicated platform thread). */
    public static RouteWriter openIn(NetworkNamespace namespace, RouteOwner owner, RouteResultListener listener)
            throws IOException {
        return new RouteWriter(namespace.call(NetlinkSocket::open), owner, 256, listener);
    }

    public RouteOwner owner() {
        return owner;
    }

    /** Creates or replaces the route to {@code bits/length} (NLM_F_CREATE | NLM_F_REPLACE). */
    public void replaceIpv4(int bits, int length, NextHop nextHop, long tag) throws IOException {
        beginRoute(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, AF_INET, length, nextHop, tag);
        if (length > 0) {
            batch.attrIpv4(RTA_DST, bits);
        }
        routeTail(nextHop, AF_INET);
    }

    public void replaceIpv6(long high, long low, int length, NextHop nextHop, long tag) throws IOException {
        beginRoute(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, AF_INET6, length, nextHop, tag);
        if (length > 0) {
            batch.attrIpv6(RTA_DST, high, low);
        }
        routeTail(nextHop, AF_INET6);
    }

    /** Deletes our route to {@code bits/length}; ESRCH when there is none of ours. */
    public void deleteIpv4(int bits, int length, long tag) throws IOException {
        beginRoute(RTM_DELROUTE, 0, AF_INET, length, null, tag);
        if (length > 0) {
            batch.attrIpv4(RTA_DST, bits);
        }
        deleteTail();
    }

    public void deleteIpv6(long high, long low, int length, long tag) throws IOException {
        beginRoute(RTM_DELROUTE, 0, AF_INET6, length, null, tag);
        if (length > 0) {
            batch.attrIpv6(RTA_DST, high, low);
        }
        deleteTail();
    }

    public void replace(Prefix prefix, NextHop nextHop, long tag) throws IOException {
        switch (prefix) {
            case Ipv4Prefix p -> replaceIpv4(p.bits(), p.length(), nextHop, tag);
            case Ipv6Prefix p -> replaceIpv6(p.high(), p.low(), p.length(), nextHop, tag);
        }
    }

    public void delete(Prefix prefix, long tag) throws IOException {
        switch (prefix) {
            case Ipv4Prefix p -> deleteIpv4(p.bits(), p.length(), tag);
            case Ipv6Prefix p -> deleteIpv6(p.high(), p.low(), p.length(), tag);
        }
    }

    private void beginRoute(int type, int flags, int family, int length, NextHop nextHop, long tag) throws IOException {
        if (nextHop instanceof NextHop.Multipath m && m.paths().size() > MAX_MULTIPATH) {
            throw new IllegalArgumentException(m.paths().size() + " paths, at most " + MAX_MULTIPATH);
        }
        begin(type, flags, tag);
        boolean delete = type == RTM_DELROUTE;
        batch.u8(family).u8(length).u8(0).u8(0)
                .u8(owner.table() < 256 ? owner.table() : RT_TABLE_COMPAT)
                .u8(owner.protocol())
                // Delete: scope "nowhere" and type 0 match any, so only prefix, table, protocol and metric select.
                .u8(delete ? 255 : nextHop instanceof NextHop.Device ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE)
                .u8(delete ? 0 : switch (nextHop) {
                    case NextHop.Blackhole b -> RTN_BLACKHOLE;
                    case NextHop.Unreachable u -> RTN_UNREACHABLE;
                    default -> RTN_UNICAST;
                })
                .u32(nextHop instanceof NextHop.Gateway g && g.onlink() ? RTNH_F_ONLINK : 0);
        batch.attrU32(RTA_TABLE, owner.table());
    }

    private void routeTail(NextHop nextHop, int family) throws IOException {
        if (owner.priority() > 0) {
            batch.attrU32(RTA_PRIORITY, owner.priority());
        }
        switch (nextHop) {
            case NextHop.Gateway g -> {
                gateway(g.address(), family);
                if (g.ifindex() != 0) {
                    batch.attrU32(RTA_OIF, g.ifindex());
                }
            }
            case NextHop.Device d -> batch.attrU32(RTA_OIF, d.ifindex());
            case NextHop.Object o -> batch.attrU32(RTA_NH_ID, o.id());
            case NextHop.Multipath m -> {
                int attr = batch.open(RTA_MULTIPATH);
                for (NextHop.Gateway g : m.paths()) {
                    // struct rtnexthop: len, flags, hops (weight - 1), ifindex; then its own attributes.
                    int rtnh = batch.mark();
                    batch.u16(0).u8(g.onlink() ? RTNH_F_ONLINK : 0).u8(0).u32(g.ifindex());
                    gateway(g.address(), family);
                    batch.close(rtnh);
                }
                batch.close(attr);
            }
            case NextHop.Blackhole b -> { }
            case NextHop.Unreachable u -> { }
        }
        end();
    }

    private void gateway(IpAddress address, int family) {
        switch (address) {
            case Ipv4Address a when family == AF_INET -> batch.attrIpv4(RTA_GATEWAY, a.bits());
            case Ipv6Address a when family == AF_INET6 -> batch.attrIpv6(RTA_GATEWAY, a.high(), a.low());
            case Ipv6Address a -> {
                // struct rtvia: the gateway's family, then its address.
                int via = batch.open(RTA_VIA);
                batch.u16(AF_INET6).ipv6(a.high(), a.low());
                batch.close(via);
            }
            case Ipv4Address a -> {
                int via = batch.open(RTA_VIA);
                batch.u16(AF_INET).ipv4(a.bits());
                batch.close(via);
            }
        }
    }

    private void deleteTail() throws IOException {
        if (owner.priority() > 0) {
            batch.attrU32(RTA_PRIORITY, owner.priority());
        }
        end();
    }

    /**
     * A nexthop object through a gateway (the kernel requires the interface). Marked with our
     * protocol so {@code ip nexthop} shows whose it is.
     */
    public void replaceNexthop(int id, NextHop.Gateway gateway, long tag) throws IOException {
        if (gateway.ifindex() == 0) {
            throw new IllegalArgumentException("a nexthop object needs an interface: " + gateway);
        }
        int family = gateway.address() instanceof Ipv4Address ? AF_INET : AF_INET6;
        begin(RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE, tag);
        batch.u8(family).u8(0).u8(owner.protocol()).u8(0).u32(gateway.onlink() ? RTNH_F_ONLINK : 0);
        batch.attrU32(NHA_ID, id);
        switch (gateway.address()) {
            case Ipv4Address a -> batch.attrIpv4(NHA_GATEWAY, a.bits());
            case Ipv6Address a -> batch.attrIpv6(NHA_GATEWAY, a.high(), a.low());
        }
        batch.attrU32(NHA_OIF, gateway.ifindex());
        end();
    }

    /** A nexthop group of equal weight over existing nexthop objects. */
    public void replaceGroup(int id, int[] members, long tag) throws IOException {
        if (members.length == 0 || members.length > MAX_MULTIPATH) {
            throw new IllegalArgumentException(members.length + " group members");
        }
        begin(RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE, tag);
        batch.u8(0).u8(0).u8(owner.protocol()).u8(0).u32(0);
        batch.attrU32(NHA_ID, id);
        int group = batch.open(NHA_GROUP);
        for (int member : members) {
            // struct nexthop_grp: id, weight - 1, two reserved fields.
            batch.u32(member).u8(0).u8(0).u16(0);
        }
        batch.close(group);
        end();
    }

    public void deleteNexthop(int id, long tag) throws IOException {
        begin(RTM_DELNEXTHOP, 0, tag);
        batch.u8(0).u8(0).u8(0).u8(0).u32(0);
        batch.attrU32(NHA_ID, id);
        end();
    }

    private void begin(int type, int flags, long tag) throws IOException {
        if (batch.messages() == maxBatch || batch.remaining() < MAX_REQUEST) {
            flush();
        }
        int sequence = nextSequence++;
        if (batch.messages() == 0) {
            firstSequence = sequence;
        }
        tags[batch.messages()] = tag;
        batch.begin(type, NLM_F_REQUEST | NLM_F_ACK | flags, sequence);
    }

    private void end() {
        batch.end();
    }

    /** Requests encoded but not yet sent. */
    public int pending() {
        return batch.messages();
    }

    /**
     * Sends the batch and reports one result per request. When the send itself fails, every
     * request of the batch gets that errno: none is dropped without a result.
     */
    public void flush() throws IOException {
        int count = batch.messages();
        if (count == 0) {
            return;
        }
        try {
            socket.send(batch.segment(), batch.length());
        } catch (dev.podbgp.fib.netlink.NetlinkException e) {
            batch.clear();
            for (int i = 0; i < count; i++) {
                listener.onResult(tags[i], e.errno(), "send failed");
            }
            return;
        }
        batch.clear();
        int answered = 0;
        while (answered < count) {
            int n = socket.receive(receive);
            if (n < 0) {
                throw new IOException("no acknowledgement for " + (count - answered) + " requests");
            }
            for (int at = 0, length; (length = Messages.length(receive, at, n)) > 0; at += align(length)) {
                if (Messages.type(receive, at) != NLMSG_ERROR) {
                    continue;
                }
                int index = Messages.sequence(receive, at) - firstSequence;
                if (index < 0 || index >= count) {
                    continue;
                }
                int errno = Messages.error(receive, at);
                listener.onResult(tags[index], errno, errno == 0 ? null : Messages.extendedAck(receive, at, length));
                answered++;
            }
        }
    }

    /** Our routes of one family ({@link #AF_INET} or {@link #AF_INET6}) in our table, as the kernel has them. */
    public List<KernelRoute> dumpRoutes(int family) throws IOException {
        flush();
        return new RouteDump(socket, receive, batch, owner).run(family, nextSequence++);
    }

    /**
     * Our routes of {@code family}, each handed to {@code visitor} as it is read and kept by nobody:
     * a full table's dump costs no heap. The visitor must not write routes (the socket is answering
     * the dump).
     */
    public void dumpRoutes(int family, Consumer<KernelRoute> visitor) throws IOException {
        flush();
        new RouteDump(socket, receive, batch, owner).run(family, nextSequence++, visitor);
    }

    /** Whether this kernel has nexthop objects (5.3+): a nexthop dump is answered rather than refused. */
    public boolean nexthopObjectsSupported() throws IOException {
        flush();
        int sequence = nextSequence++;
        batch.begin(RTM_GETNEXTHOP, NLM_F_REQUEST | NLM_F_DUMP, sequence);
        batch.u8(0).u8(0).u8(0).u8(0).u32(0);
        batch.end();
        socket.send(batch.segment(), batch.length());
        batch.clear();
        while (true) {
            int n = socket.receive(receive);
            if (n < 0) {
                return false;
            }
            for (int at = 0, length; (length = Messages.length(receive, at, n)) > 0; at += align(length)) {
                if (Messages.sequence(receive, at) != sequence) {
                    continue;
                }
                int type = Messages.type(receive, at);
                if (type == NLMSG_ERROR) {
                    return Messages.error(receive, at) == 0;
                }
                if (type == NLMSG_DONE) {
                    return true;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        arena.close();
    }
}
