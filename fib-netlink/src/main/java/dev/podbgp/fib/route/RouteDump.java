package dev.podbgp.fib.route;

import static dev.podbgp.fib.netlink.Rtnetlink.*;

import dev.podbgp.fib.netlink.DumpAnswer;
import dev.podbgp.fib.netlink.MessageBuilder;
import dev.podbgp.fib.netlink.Messages;
import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One RTM_GETROUTE dump filtered to our table and protocol. The kernel filters with strict
 * checking on; we filter again, so a kernel that ignores the filter still hands us only ours.
 */
public final class RouteDump {

    private static final int RTMSG_LEN = 12;

    private final NetlinkSocket socket;
    private final MemorySegment receive;
    private final MessageBuilder request;
    private final RouteOwner owner;

    RouteDump(NetlinkSocket socket, MemorySegment receive, MessageBuilder request, RouteOwner owner) {
        this.socket = socket;
        this.receive = receive;
        this.request = request;
        this.owner = owner;
    }

    List<KernelRoute> run(int family, int sequence) throws IOException {
        List<KernelRoute> routes = new ArrayList<>();
        run(family, sequence, routes::add);
        return routes;
    }

    /** Hands each of our routes of {@code family} to {@code visitor} as its message is read, keeping none. */
    void run(int family, int sequence, Consumer<KernelRoute> visitor) throws IOException {
        request.clear();
        request.begin(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, sequence);
        request.u8(family).u8(0).u8(0).u8(0)
                .u8(owner.table() < 256 ? owner.table() : RT_TABLE_COMPAT).u8(owner.protocol()).u8(0).u8(0).u32(0);
        request.attrU32(RTA_TABLE, owner.table());
        request.end();
        socket.send(request.segment(), request.length());
        request.clear();
        DumpAnswer.read(socket, receive, sequence, RTM_NEWROUTE, "route dump", (s, at, length) -> {
            KernelRoute route = parse(s, at, length);
            if (route != null && route.protocol() == owner.protocol() && route.table() == owner.table()) {
                visitor.accept(route);
            }
        });
    }

    /** A route message (RTM_NEWROUTE/RTM_DELROUTE), or null when it is not an IPv4/IPv6 destination route. */
    public static KernelRoute parse(MemorySegment s, int at, int length) {
        int r = at + NLMSG_HDRLEN;
        if (length < NLMSG_HDRLEN + RTMSG_LEN) {
            return null;
        }
        int family = Messages.u8(s, r);
        int dstLength = Messages.u8(s, r + 1);
        int table = Messages.u8(s, r + 4);
        int protocol = Messages.u8(s, r + 5);
        int type = Messages.u8(s, r + 7);
        int from = r + RTMSG_LEN;
        int to = at + length;
        int tableAttr = Messages.find(s, from, to, RTA_TABLE);
        if (tableAttr >= 0) {
            table = Messages.u32(s, tableAttr + 4);
        }
        int dst = Messages.find(s, from, to, RTA_DST);
        Prefix prefix;
        if (family == AF_INET) {
            prefix = Ipv4Prefix.masked(dst < 0 ? 0 : Messages.ipv4(s, dst + 4), dstLength);
        } else if (family == AF_INET6) {
            prefix = dst < 0 ? Ipv6Prefix.masked(0, 0, dstLength)
                    : Ipv6Prefix.masked(Messages.be64(s, dst + 4), Messages.be64(s, dst + 12), dstLength);
        } else {
            return null;
        }
        int priority = u32Attr(s, from, to, RTA_PRIORITY);
        int oif = u32Attr(s, from, to, RTA_OIF);
        int nexthopId = u32Attr(s, from, to, RTA_NH_ID);
        IpAddress gateway = address(s, from, to, family);
        List<IpAddress> multipath = List.of();
        int mp = Messages.find(s, from, to, RTA_MULTIPATH);
        if (mp >= 0) {
            multipath = new ArrayList<>();
            int end = mp + Messages.attributeLength(s, mp);
            for (int h = mp + 4; h + 8 <= end; ) {
                int hopLength = Messages.u16(s, h);
                if (hopLength < 8 || h + hopLength > end) {
                    break;
                }
                IpAddress hop = address(s, h + 8, h + hopLength, family);
                if (hop != null) {
                    multipath.add(hop);
                }
                h += align(hopLength);
            }
        }
        return new KernelRoute(prefix, table, protocol, type, priority, gateway, oif, nexthopId, List.copyOf(multipath));
    }

    private static int u32Attr(MemorySegment s, int from, int to, int type) {
        int a = Messages.find(s, from, to, type);
        return a < 0 ? 0 : Messages.u32(s, a + 4);
    }

    private static IpAddress address(MemorySegment s, int from, int to, int family) {
        int g = Messages.find(s, from, to, RTA_GATEWAY);
        if (g >= 0) {
            return family == AF_INET ? new Ipv4Address(Messages.ipv4(s, g + 4))
                    : new Ipv6Address(Messages.be64(s, g + 4), Messages.be64(s, g + 12));
        }
        int v = Messages.find(s, from, to, RTA_VIA);
        if (v >= 0) {
            return Messages.u16(s, v + 4) == AF_INET ? new Ipv4Address(Messages.ipv4(s, v + 6))
                    : new Ipv6Address(Messages.be64(s, v + 6), Messages.be64(s, v + 14));
        }
        return null;
    }
}
