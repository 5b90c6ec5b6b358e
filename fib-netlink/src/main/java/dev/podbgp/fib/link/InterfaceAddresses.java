package dev.podbgp.fib.link;

import static dev.podbgp.fib.netlink.Rtnetlink.*;

import dev.podbgp.fib.netlink.DumpAnswer;
import dev.podbgp.fib.netlink.MessageBuilder;
import dev.podbgp.fib.netlink.Messages;
import dev.podbgp.fib.netlink.NetlinkSocket;
import dev.podbgp.fib.netns.NetworkNamespace;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the addresses of a namespace's interfaces with one RTM_GETADDR dump on a socket of its own, opened in that
 * namespace and closed afterwards. A few dozen addresses on a node: cheap enough to ask once per BGP session.
 */
public final class InterfaceAddresses {

    private static final int IFADDRMSG_LEN = 8;
    private static final int RECEIVE_TIMEOUT_MILLIS = 5_000;

    private InterfaceAddresses() {}

    /** Every IPv4 and IPv6 address of {@code namespace} (null: the caller's). */
    public static List<InterfaceAddress> dump(NetworkNamespace namespace) throws IOException {
        try (NetlinkSocket socket = namespace == null ? NetlinkSocket.open() : namespace.call(NetlinkSocket::open);
             Arena arena = Arena.ofConfined()) {
            socket.setReceiveTimeout(RECEIVE_TIMEOUT_MILLIS);
            return dump(socket, arena);
        }
    }

    /** The address {@code address} of {@code namespace}, with its interface and subnet; empty when no interface has it. */
    public static Optional<InterfaceAddress> owning(NetworkNamespace namespace, IpAddress address) throws IOException {
        for (InterfaceAddress a : dump(namespace)) {
            if (a.address().equals(address)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private static List<InterfaceAddress> dump(NetlinkSocket socket, Arena arena) throws IOException {
        MessageBuilder request = new MessageBuilder(arena, 64);
        MemorySegment receive = arena.allocate(64 * 1024, 8);
        int sequence = 1;
        request.begin(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, sequence);
        // struct ifaddrmsg: family (0: all), prefix length, flags, scope, interface index (0: all).
        request.u8(0).u8(0).u8(0).u8(0).u32(0);
        request.end();
        socket.send(request.segment(), request.length());
        List<InterfaceAddress> out = new ArrayList<>();
        DumpAnswer.read(socket, receive, sequence, RTM_NEWADDR, "address dump", (s, at, length) -> {
            InterfaceAddress a = parse(s, at, length);
            if (a != null) {
                out.add(a);
            }
        });
        return out;
    }

    /** An RTM_NEWADDR message, or null when it is not IPv4 or IPv6 or names no address. */
    static InterfaceAddress parse(MemorySegment s, int at, int length) {
        int m = at + NLMSG_HDRLEN;
        if (length < NLMSG_HDRLEN + IFADDRMSG_LEN) {
            return null;
        }
        int family = Messages.u8(s, m);
        int prefixLength = Messages.u8(s, m + 1);
        int ifindex = Messages.u32(s, m + 4);
        int from = m + IFADDRMSG_LEN;
        int to = at + length;
        int a = Messages.find(s, from, to, IFA_LOCAL);
        if (a < 0) {
            a = Messages.find(s, from, to, IFA_ADDRESS);
        }
        if (a < 0 || ifindex <= 0) {
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
        return new InterfaceAddress(ifindex, address, prefixLength);
    }
}
