package dev.podbgp.nd.socket;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The libc calls of a raw ICMPv6 socket, bound once, and the Linux constants they take (uapi
 * {@code linux/in6.h}, {@code linux/icmpv6.h}, {@code asm-generic/socket.h}; LP64 struct layouts).
 */
final class Libc {

    static final int AF_INET6 = 10;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int IPPROTO_IPV6 = 41;
    static final int IPPROTO_ICMPV6 = 58;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVTIMEO = 20;
    static final int SO_BINDTODEVICE = 25;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_MULTICAST_IF = 17;
    static final int IPV6_MULTICAST_HOPS = 18;
    static final int IPV6_MULTICAST_LOOP = 19;
    static final int IPV6_RECVHOPLIMIT = 51;
    static final int IPV6_HOPLIMIT = 52;
    static final int ICMP6_FILTER = 1;
    static final int EINTR = 4;
    static final int EAGAIN = 11;

    /** {@code struct sockaddr_in6}: family, port, flow info, address, scope id. */
    static final int SOCKADDR_IN6_SIZE = 28;
    /** {@code struct msghdr}: name, namelen, iov, iovlen, control, controllen, flags. */
    static final int MSGHDR_SIZE = 56;
    static final int IOVEC_SIZE = 16;
    /** {@code struct cmsghdr} before its data: a size_t length, level, type. */
    static final int CMSG_HEADER = 16;

    static final StructLayout ERRNO_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = ERRNO_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout ADDRESS = ValueLayout.ADDRESS;

    static final MethodHandle SOCKET = downcall("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    static final MethodHandle SETSOCKOPT = downcall("setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, ADDRESS, INT));
    static final MethodHandle SENDTO = downcall("sendto", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, INT, ADDRESS, INT));
    static final MethodHandle RECVMSG = downcall("recvmsg", FunctionDescriptor.of(LONG, INT, ADDRESS, INT));
    static final MethodHandle IF_NAMETOINDEX = downcall("if_nametoindex", FunctionDescriptor.of(INT, ADDRESS));
    static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(INT, INT));

    private Libc() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd, Linker.Option.captureCallState("errno"));
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }
}
