package dev.podbgp.bfd.transport;

import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;

/**
 * The Linux socket options the transport needs and Netty has no name for, as generic
 * {@code setsockopt(2)} options of the epoll transport. Values from the kernel's uapi headers
 * ({@code asm-generic/socket.h}, {@code linux/in.h}, {@code linux/in6.h}), the same on every
 * architecture podbgp ships for.
 */
final class LinuxSocketOptions {

    static final int SOL_SOCKET = 1;
    static final int IPPROTO_IP = 0;
    static final int IPPROTO_IPV6 = 41;
    /** Linux IFNAMSIZ: an interface name and its NUL. */
    static final int IFNAMSIZ = 16;
    /** {@code struct sock_fprog} on LP64: a 16-bit length, padding, a pointer. */
    static final int SOCK_FPROG_SIZE = 16;
    /** {@code SO_MEMINFO} fills SK_MEMINFO_VARS (9) 32-bit counters; drops are the last. */
    static final int MEMINFO_SIZE = 9 * Integer.BYTES;
    static final int MEMINFO_DROPS = 8;

    /** The unicast TTL of IPv4 packets sent (Netty only names the multicast one). */
    static final ChannelOption<Integer> IP_TTL = new IntegerUnixChannelOption("IP_TTL", IPPROTO_IP, 2);
    /** The unicast Hop Limit of IPv6 packets sent. */
    static final ChannelOption<Integer> IPV6_UNICAST_HOPS = new IntegerUnixChannelOption("IPV6_UNICAST_HOPS", IPPROTO_IPV6, 16);
    /** An IPv6 socket that takes no IPv4-mapped traffic, so a family's sockets never collide. */
    static final ChannelOption<Integer> IPV6_V6ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", IPPROTO_IPV6, 26);
    /** Packets in and out of this socket only through the named interface. */
    static final RawUnixChannelOption SO_BINDTODEVICE = new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, 25, IFNAMSIZ);
    /** A classic BPF program run on every datagram before it is queued to the socket. */
    static final RawUnixChannelOption SO_ATTACH_FILTER = new RawUnixChannelOption("SO_ATTACH_FILTER", SOL_SOCKET, 26, SOCK_FPROG_SIZE);
    /** The socket's memory counters, the drop count among them. */
    static final RawUnixChannelOption SO_MEMINFO = new RawUnixChannelOption("SO_MEMINFO", SOL_SOCKET, 55, MEMINFO_SIZE);

    private LinuxSocketOptions() {}
}
