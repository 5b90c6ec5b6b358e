package dev.podbgp.fib.writer;

import static dev.podbgp.fib.netlink.Rtnetlink.*;

import dev.podbgp.fib.netlink.Errno;
import dev.podbgp.fib.netlink.Messages;
import dev.podbgp.fib.netlink.NetlinkException;
import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.fib.netlink.SocketFilter;
import dev.podbgp.fib.route.KernelRoute;
import dev.podbgp.fib.route.RouteDump;
import dev.podbgp.fib.route.RouteOwner;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * Listens to the kernel's route and link notifications on its own socket and thread: a deletion
 * of one of our routes, a link coming (back) up or going down, and lost notifications (ENOBUFS: the socket
 * overflowed, so the only safe answer is a full re-sync).
 */
final class RouteMonitor implements Runnable, AutoCloseable {

    interface Events {
        /** An IPv4 route of ours was deleted: the packed prefix ({@code Ipv4Prefix.pack}). */
        void ipv4RouteDeleted(long packed);

        void routeDeleted(Prefix prefix);

        /** A link is up (IFF_UP and IFF_LOWER_UP) that was not, or was not known. */
        void linkUp(int ifindex, String name);

        /** A link that was up lost IFF_UP or IFF_LOWER_UP (set down, or its carrier gone). */
        void linkDown(int ifindex, String name);

        void overrun();

        /** A default route (any protocol's) of the main table was added, replaced or deleted. */
        default void defaultRouteChanged(boolean ipv6) {}
    }

    private final NetlinkSocket socket;
    private final RouteOwner owner;
    private final Events events;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer = arena.allocate(256 * 1024, 8);
    private final Map<Integer, Boolean> linkUp = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    RouteMonitor(NetlinkSocket socket, RouteOwner owner, Events events) throws IOException {
        this.socket = socket;
        this.owner = owner;
        this.events = events;
        socket.setBufferSizes(64 * 1024, 8 * 1024 * 1024);
        socket.setReceiveTimeout(100);
        socket.joinGroup(RTNLGRP_IPV4_ROUTE);
        socket.joinGroup(RTNLGRP_IPV6_ROUTE);
        socket.joinGroup(RTNLGRP_LINK);
        // Our own additions are all skipped below; dropped in the kernel they cost no queueing,
        // copying or overrun (a full-table load is a million of them).
        socket.attachFilter(SocketFilter.dropOwnRouteAdditions(owner.protocol()));
        this.thread = Thread.ofPlatform().name("fib-monitor").daemon().unstarted(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (running) {
            int n;
            try {
                n = socket.receive(buffer);
            } catch (NetlinkException e) {
                if (e.errno() == Errno.ENOBUFS) {
                    events.overrun();
                    continue;
                }
                return;
            } catch (IOException e) {
                return;
            }
            for (int at = 0, length; n > 0 && (length = Messages.length(buffer, at, n)) > 0; at += align(length)) {
                switch (Messages.type(buffer, at)) {
                    case RTM_NEWROUTE -> defaultRoute(at, length);
                    case RTM_DELROUTE -> {
                        defaultRoute(at, length);
                        routeDeleted(at, length);
                    }
                    case RTM_NEWLINK -> {
                        // struct ifinfomsg: family, pad, type, index, flags, change.
                        int index = Messages.u32(buffer, at + NLMSG_HDRLEN + 4);
                        int flags = Messages.u32(buffer, at + NLMSG_HDRLEN + 8);
                        boolean up = (flags & (IFF_UP | IFF_LOWER_UP)) == (IFF_UP | IFF_LOWER_UP);
                        // A link not heard of before counts as changed either way: the first notice of a link
                        // is a change (nothing is sent for links that stay as they are).
                        Boolean before = linkUp.put(index, up);
                        if (before == null || before != up) {
                            int name = Messages.find(buffer, at + NLMSG_HDRLEN + 16, at + length, IFLA_IFNAME);
                            String ifname = name < 0 ? "" : Messages.string(buffer, name + 4, Messages.attributeLength(buffer, name) - 4);
                            if (up) {
                                events.linkUp(index, ifname);
                            } else {
                                events.linkDown(index, ifname);
                            }
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    /** struct rtmsg: family, dst_len, ..., table at 4; a default route has dst_len 0 (checked first: it is cheap). */
    private void defaultRoute(int at, int length) {
        int r = at + NLMSG_HDRLEN;
        if (length < NLMSG_HDRLEN + 12 || Messages.u8(buffer, r + 1) != 0) {
            return;
        }
        int tableAttr = Messages.find(buffer, r + 12, at + length, RTA_TABLE);
        int table = tableAttr < 0 ? Messages.u8(buffer, r + 4) : Messages.u32(buffer, tableAttr + 4);
        int family = Messages.u8(buffer, r);
        if (table == RT_TABLE_MAIN && (family == AF_INET || family == AF_INET6)) {
            events.defaultRouteChanged(family == AF_INET6);
        }
    }

    /**
     * Our own deletions come back here too, a million for a full-table withdrawal: IPv4 ones are
     * read straight off the message into a packed long, and other protocols' are skipped before
     * anything is parsed.
     */
    private void routeDeleted(int at, int length) {
        int r = at + NLMSG_HDRLEN;
        if (length < NLMSG_HDRLEN + 12 || Messages.u8(buffer, r + 5) != owner.protocol()) {
            return;
        }
        int tableAttr = Messages.find(buffer, r + 12, at + length, RTA_TABLE);
        int table = tableAttr < 0 ? Messages.u8(buffer, r + 4) : Messages.u32(buffer, tableAttr + 4);
        if (table != owner.table()) {
            return;
        }
        if (Messages.u8(buffer, r) == AF_INET) {
            int dst = Messages.find(buffer, r + 12, at + length, RTA_DST);
            int length4 = Messages.u8(buffer, r + 1);
            int bits = dst < 0 ? 0 : Messages.ipv4(buffer, dst + 4);
            events.ipv4RouteDeleted(Ipv4Prefix.pack(bits & Ipv4Prefix.mask(length4), length4));
            return;
        }
        KernelRoute route = RouteDump.parse(buffer, at, length);
        if (route != null) {
            events.routeDeleted(route.prefix());
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.close();
        arena.close();
    }
}
