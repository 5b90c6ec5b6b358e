package dev.podbgp.fib.netlink;

/**
 * Classic BPF programs for {@link NetlinkSocket#attachFilter}, one instruction per {@code long}:
 * code in the low 16 bits, then jt and jf (8 bits each), then k in the high 32 bits; the socket
 * writes them out as struct sock_filter in the machine's byte order.
 */
public final class SocketFilter {

    private static final int LD_B_ABS = 0x30; // BPF_LD | BPF_B | BPF_ABS: A = the octet at k
    private static final int JEQ_K = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
    private static final int RET_K = 0x06; // BPF_RET | BPF_K: keep k octets (0 drops)
    private static final int KEEP = -1;
    /** Offsets in a route notification: nlmsghdr (16 octets, type at 4), then struct rtmsg. */
    private static final int TYPE_LOW_OCTET = 4;
    private static final int RTM_DST_LEN = Rtnetlink.NLMSG_HDRLEN + 1;
    private static final int RTM_PROTOCOL = Rtnetlink.NLMSG_HDRLEN + 5;

    private SocketFilter() {}

    /**
     * Drops the notifications of routes {@code protocol} added or replaced, except default
     * routes, and keeps everything else (deletions, links, other protocols' routes, and
     * ENOBUFS, which is not a message). A daemon's own million-route load then does not queue
     * a million notifications its monitor would only skip; rtnetlink message types are below
     * 256, so the type's low octet identifies it.
     */
    public static long[] dropOwnRouteAdditions(int protocol) {
        return new long[] {
            instruction(LD_B_ABS, 0, 0, TYPE_LOW_OCTET),
            instruction(JEQ_K, 0, 5, Rtnetlink.RTM_NEWROUTE), // not an addition: keep
            instruction(LD_B_ABS, 0, 0, RTM_PROTOCOL),
            instruction(JEQ_K, 0, 3, protocol), // another protocol's: keep
            instruction(LD_B_ABS, 0, 0, RTM_DST_LEN),
            instruction(JEQ_K, 1, 0, 0), // a default route: keep
            instruction(RET_K, 0, 0, 0),
            instruction(RET_K, 0, 0, KEEP),
        };
    }

    static long instruction(int code, int jt, int jf, int k) {
        return (code & 0xffffL) | (jt & 0xffL) << 16 | (jf & 0xffL) << 24 | (k & 0xffffffffL) << 32;
    }
}
