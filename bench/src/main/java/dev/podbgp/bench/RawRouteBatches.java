package dev.podbgp.bench;

import dev.podbgp.fib.netlink.Messages;
import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.fib.netlink.Rtnetlink;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The kernel floor for {@link FibInstallBenchmark}: the least a program can do to install or
 * delete N IPv4 /24 routes with a per-route acknowledgement. Fixed-size messages written with
 * constant offsets, {@code batch} per send, acks only counted. No coalescing, no retry, no maps.
 */
final class RawRouteBatches {

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt BE32 = U32.withOrder(ByteOrder.BIG_ENDIAN);
    /** nlmsghdr 16 + rtmsg 12 + RTA_TABLE 8 + RTA_DST 8 + RTA_PRIORITY 8 + RTA_GATEWAY (or RTA_NH_ID) 8. */
    private static final int ADD = 60;
    private static final int DEL = 52;

    private RawRouteBatches() {}

    /**
     * Returns the number of refused requests. Route {@code i} is the {@code (i * stride mod routes)}-th
     * /24: stride 1 is address order; a large stride coprime with {@code routes} scatters them.
     */
    static int run(NetlinkSocket socket, boolean add, int firstBits, int routes, long stride, int batch, int table,
            int protocol, int priority, int gateway) throws IOException {
        return run(socket, add, firstBits, routes, stride, batch, table, protocol, priority, gateway, 0);
    }

    /**
     * As above; a {@code nexthopId} other than 0 writes each route as a reference to that nexthop
     * object (RTA_NH_ID, same size) instead of the inline gateway.
     */
    static int run(NetlinkSocket socket, boolean add, int firstBits, int routes, long stride, int batch, int table,
            int protocol, int priority, int gateway, int nexthopId) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate((long) batch * ADD, 8);
            MemorySegment in = arena.allocate(256 * 1024, 8);
            int size = add ? ADD : DEL;
            int errors = 0;
            int seq = 1;
            for (int done = 0; done < routes; ) {
                int n = Math.min(batch, routes - done);
                for (int i = 0; i < n; i++) {
                    int at = i * size;
                    out.set(U32, at, size);
                    out.set(U16, at + 4, (short) (add ? Rtnetlink.RTM_NEWROUTE : Rtnetlink.RTM_DELROUTE));
                    out.set(U16, at + 6, (short) (Rtnetlink.NLM_F_REQUEST | Rtnetlink.NLM_F_ACK
                            | (add ? Rtnetlink.NLM_F_CREATE | Rtnetlink.NLM_F_REPLACE : 0)));
                    out.set(U32, at + 8, seq++);
                    out.set(U32, at + 12, 0);
                    out.set(U32, at + 16, Rtnetlink.AF_INET | 24 << 8);
                    out.set(U32, at + 20, table | protocol << 8 | (add ? 0 : 255) << 16 | (add ? Rtnetlink.RTN_UNICAST : 0) << 24);
                    out.set(U32, at + 24, 0);
                    out.set(U32, at + 28, 8 | Rtnetlink.RTA_TABLE << 16);
                    out.set(U32, at + 32, table);
                    out.set(U32, at + 36, 8 | Rtnetlink.RTA_DST << 16);
                    out.set(BE32, at + 40, firstBits + ((int) ((done + i) * stride % routes) << 8));
                    out.set(U32, at + 44, 8 | Rtnetlink.RTA_PRIORITY << 16);
                    out.set(U32, at + 48, priority);
                    if (add && nexthopId != 0) {
                        out.set(U32, at + 52, 8 | Rtnetlink.RTA_NH_ID << 16);
                        out.set(U32, at + 56, nexthopId);
                    } else if (add) {
                        out.set(U32, at + 52, 8 | Rtnetlink.RTA_GATEWAY << 16);
                        out.set(BE32, at + 56, gateway);
                    }
                }
                socket.send(out, n * size);
                for (int acked = 0; acked < n; ) {
                    int len = socket.receive(in);
                    for (int at = 0, l; (l = Messages.length(in, at, len)) > 0; at += Rtnetlink.align(l)) {
                        if (Messages.type(in, at) == Rtnetlink.NLMSG_ERROR) {
                            acked++;
                            if (Messages.error(in, at) != 0) {
                                errors++;
                            }
                        }
                    }
                }
                done += n;
            }
            return errors;
        }
    }
}
