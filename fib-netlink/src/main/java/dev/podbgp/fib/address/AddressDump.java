package dev.podbgp.fib.address;

import static dev.podbgp.fib.netlink.Rtnetlink.*;

import dev.podbgp.fib.netlink.DumpReader;
import dev.podbgp.fib.netlink.MessageBuilder;
import dev.podbgp.fib.netlink.Messages;
import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Every IPv4 and IPv6 address of every interface in the calling thread's network namespace: one
 * {@code RTM_GETADDR} dump on a socket of its own, opened and closed around it. The kernel answers a dump from
 * its own tables while the receive call runs, so this never waits on the network or on another process; the
 * receive timeout only guards against a kernel that would not answer at all.
 */
public final class AddressDump {

    /** struct ifaddrmsg: family, prefix length, flags, scope, then the u32 interface index. */
    private static final int IFADDRMSG_LEN = 8;
    private static final int RECEIVE_TIMEOUT_MILLIS = 2_000;
    private static final int SEQUENCE = 1;

    private AddressDump() {}

    /** The addresses in kernel order (per interface, primary before secondary). */
    public static List<InterfaceAddress> current() throws IOException {
        try (NetlinkSocket socket = NetlinkSocket.open(); Arena arena = Arena.ofConfined()) {
            socket.setReceiveTimeout(RECEIVE_TIMEOUT_MILLIS);
            MessageBuilder request = new MessageBuilder(arena, 64);
            // AF_UNSPEC and index 0: both families, every interface (strict checking wants the rest zero).
            request.begin(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, SEQUENCE);
            request.u8(0).u8(0).u8(0).u8(0).u32(0);
            request.end();
            socket.send(request.segment(), request.length());
            MemorySegment receive = arena.allocate(64 * 1024, 8);
            List<InterfaceAddress> out = new ArrayList<>();
            DumpReader.read(socket, receive, SEQUENCE, "address dump", (type, buffer, at, length) -> {
                InterfaceAddress a = type == RTM_NEWADDR ? parse(buffer, at, length) : null;
                if (a != null) {
                    out.add(a);
                }
            });
            return out;
        }
    }

    /** An RTM_NEWADDR message, or null for a family other than IPv4 and IPv6. */
    static InterfaceAddress parse(MemorySegment s, int at, int length) {
        if (length < NLMSG_HDRLEN + IFADDRMSG_LEN) {
            return null;
        }
        int m = at + NLMSG_HDRLEN;
        int family = Messages.u8(s, m);
        int prefixLength = Messages.u8(s, m + 1);
        int flags = Messages.u8(s, m + 2);
        int scope = Messages.u8(s, m + 3);
        int ifindex = Messages.u32(s, m + 4);
        int from = m + IFADDRMSG_LEN;
        int to = at + length;
        int flagsAttr = Messages.find(s, from, to, IFA_FLAGS);
        if (flagsAttr >= 0) {
            flags = Messages.u32(s, flagsAttr + 4);
        }
        // IFA_LOCAL is our end; IFA_ADDRESS is the far end on a point-to-point link, else the same address
        // (IPv6 sends only IFA_ADDRESS unless a peer was configured).
        int a = Messages.find(s, from, to, IFA_LOCAL);
        if (a < 0) {
            a = Messages.find(s, from, to, IFA_ADDRESS);
        }
        if (a < 0) {
            return null;
        }
        IpAddress address;
        if (family == AF_INET && Messages.attributeLength(s, a) >= 8) {
            address = new Ipv4Address(Messages.ipv4(s, a + 4));
        } else if (family == AF_INET6 && Messages.attributeLength(s, a) >= 20) {
            address = new Ipv6Address(Messages.be64(s, a + 4), Messages.be64(s, a + 12));
        } else {
            return null;
        }
        return new InterfaceAddress(ifindex, address, prefixLength, scope, flags);
    }
}
