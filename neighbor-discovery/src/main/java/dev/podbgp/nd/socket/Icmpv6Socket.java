package dev.podbgp.nd.socket;

import dev.podbgp.inet.Ipv6Address;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw ICMPv6 socket on one interface. It belongs to the network namespace of the thread that
 * opened it; afterwards one thread at a time uses it (the scratch segments are shared).
 *
 * <p>Sent packets carry hop limit 255, as RFC 4861 §6.1 requires of ND, and the kernel fills the
 * checksum (it always does for ICMPv6 raw sockets, RFC 3542 §3.1). Multicast loopback is off, so
 * our own advertisements are not read back as a neighbour's. A filter lets only solicitations and
 * advertisements of routers and neighbour advertisements reach the socket.
 */
public final class Icmpv6Socket implements AutoCloseable {

    private static final int MAX_MESSAGE = 1500;
    private static final ValueLayout.OfShort NATIVE_SHORT = ValueLayout.JAVA_SHORT;
    private static final ValueLayout.OfInt NATIVE_INT = ValueLayout.JAVA_INT;

    private final int fd;
    private final int ifindex;
    private final String interfaceName;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment errno = arena.allocate(Libc.ERRNO_LAYOUT);
    private final MemorySegment peerAddress = arena.allocate(Libc.SOCKADDR_IN6_SIZE, 8);
    private final MemorySegment data = arena.allocate(MAX_MESSAGE, 8);
    private final MemorySegment control = arena.allocate(64, 8);
    private final MemorySegment iov = arena.allocate(Libc.IOVEC_SIZE, 8);
    private final MemorySegment msghdr = arena.allocate(Libc.MSGHDR_SIZE, 8);
    private boolean closed;

    private Icmpv6Socket(int fd, int ifindex, String interfaceName) {
        this.fd = fd;
        this.ifindex = ifindex;
        this.interfaceName = interfaceName;
    }

    /**
     * Opens the socket on {@code interfaceName} in the calling thread's namespace.
     *
     * @param receiveTimeout how long {@link #receive} waits before it returns null
     * @throws IOException when the interface does not exist or the socket cannot be set up (not root)
     */
    public static Icmpv6Socket open(String interfaceName, int[] acceptedTypes, Duration receiveTimeout) throws IOException {
        MemorySegment state = Arena.ofAuto().allocate(Libc.ERRNO_LAYOUT);
        int ifindex = ifindex(interfaceName);
        int fd;
        try {
            fd = (int) Libc.SOCKET.invokeExact(state, Libc.AF_INET6, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.IPPROTO_ICMPV6);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (fd < 0) {
            throw new IOException("socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6) failed: errno " + Libc.errno(state));
        }
        Icmpv6Socket s = new Icmpv6Socket(fd, ifindex, interfaceName);
        try {
            byte[] name = (interfaceName + "\0").getBytes(StandardCharsets.US_ASCII);
            s.setOption(Libc.SOL_SOCKET, Libc.SO_BINDTODEVICE, s.arena.allocateFrom(ValueLayout.JAVA_BYTE, name), "SO_BINDTODEVICE");
            s.setInt(Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_IF, ifindex, "IPV6_MULTICAST_IF");
            s.setInt(Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS");
            s.setInt(Libc.IPPROTO_IPV6, Libc.IPV6_UNICAST_HOPS, 255, "IPV6_UNICAST_HOPS");
            s.setInt(Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            s.setInt(Libc.IPPROTO_IPV6, Libc.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            s.setOption(Libc.IPPROTO_ICMPV6, Libc.ICMP6_FILTER, s.filter(acceptedTypes), "ICMP6_FILTER");
            MemorySegment timeval = s.arena.allocate(16, 8);
            timeval.set(ValueLayout.JAVA_LONG, 0, receiveTimeout.toSeconds());
            timeval.set(ValueLayout.JAVA_LONG, 8, receiveTimeout.toMillisPart() * 1000L);
            s.setOption(Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, timeval, "SO_RCVTIMEO");
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The interface's index in the calling thread's namespace. */
    public static int ifindex(String interfaceName) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(Libc.ERRNO_LAYOUT);
            int index = (int) Libc.IF_NAMETOINDEX.invokeExact(state, a.allocateFrom(interfaceName));
            if (index == 0) {
                throw new IOException("no interface " + interfaceName + " (errno " + Libc.errno(state) + ")");
            }
            return index;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public int ifindex() {
        return ifindex;
    }

    public String interfaceName() {
        return interfaceName;
    }

    /** Sends one ICMPv6 message to {@code destination} on this interface (its scope). */
    public void send(byte[] message, Ipv6Address destination) throws IOException {
        MemorySegment.copy(message, 0, data, ValueLayout.JAVA_BYTE, 0, message.length);
        MemorySegment to = sockaddr(destination);
        long n;
        try {
            n = (long) Libc.SENDTO.invokeExact(errno, fd, data, (long) message.length, 0, to, Libc.SOCKADDR_IN6_SIZE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (n != message.length) {
            throw new IOException("sendto " + destination + "%" + interfaceName + " failed: errno " + Libc.errno(errno));
        }
    }

    /**
     * Waits for one message, up to the receive timeout, and copies it into {@code buffer}.
     *
     * @return null when the timeout passed first (or a signal interrupted the wait)
     */
    public Received receive(byte[] buffer) throws IOException {
        iov.set(ValueLayout.ADDRESS, 0, data);
        iov.set(ValueLayout.JAVA_LONG, 8, Math.min(buffer.length, MAX_MESSAGE));
        msghdr.fill((byte) 0);
        msghdr.set(ValueLayout.ADDRESS, 0, peerAddress);
        msghdr.set(NATIVE_INT, 8, Libc.SOCKADDR_IN6_SIZE);
        msghdr.set(ValueLayout.ADDRESS, 16, iov);
        msghdr.set(ValueLayout.JAVA_LONG, 24, 1L);
        msghdr.set(ValueLayout.ADDRESS, 32, control);
        msghdr.set(ValueLayout.JAVA_LONG, 40, control.byteSize());
        long n;
        try {
            n = (long) Libc.RECVMSG.invokeExact(errno, fd, msghdr, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (n < 0) {
            int e = Libc.errno(errno);
            if (e == Libc.EAGAIN || e == Libc.EINTR) {
                return null;
            }
            throw new IOException("recvmsg on " + interfaceName + " failed: errno " + e);
        }
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, buffer, 0, (int) n);
        byte[] source = new byte[16];
        MemorySegment.copy(peerAddress, ValueLayout.JAVA_BYTE, 8, source, 0, 16);
        return new Received((int) n, Ipv6Address.ofBytes(source, 0), hopLimit(msghdr.get(ValueLayout.JAVA_LONG, 40)));
    }

    /** The IPV6_HOPLIMIT control message; -1 when the kernel sent none (then RFC 4861 checks refuse the packet). */
    private int hopLimit(long controlLength) {
        long off = 0;
        while (off + Libc.CMSG_HEADER <= controlLength) {
            long len = control.get(ValueLayout.JAVA_LONG, off);
            int level = control.get(NATIVE_INT, off + 8);
            int type = control.get(NATIVE_INT, off + 12);
            if (level == Libc.IPPROTO_IPV6 && type == Libc.IPV6_HOPLIMIT && len >= Libc.CMSG_HEADER + 4) {
                return control.get(NATIVE_INT, off + Libc.CMSG_HEADER);
            }
            if (len < Libc.CMSG_HEADER) {
                break;
            }
            off += (len + 7) & ~7L;
        }
        return -1;
    }

    private MemorySegment sockaddr(Ipv6Address address) {
        peerAddress.fill((byte) 0);
        peerAddress.set(NATIVE_SHORT, 0, (short) Libc.AF_INET6);
        MemorySegment.copy(address.toBytes(), 0, peerAddress, ValueLayout.JAVA_BYTE, 8, 16);
        peerAddress.set(NATIVE_INT, 24, ifindex);
        return peerAddress;
    }

    /** {@code struct icmp6_filter}: eight 32-bit words, a set bit blocks that type; all blocked but {@code types}. */
    private MemorySegment filter(int[] types) {
        MemorySegment f = arena.allocate(32, 4);
        f.fill((byte) 0xff);
        for (int t : types) {
            long word = (t >>> 5) * 4L;
            f.set(NATIVE_INT, word, f.get(NATIVE_INT, word) & ~(1 << (t & 31)));
        }
        return f;
    }

    private void setInt(int level, int name, int value, String what) throws IOException {
        MemorySegment v = arena.allocate(4, 4);
        v.set(NATIVE_INT, 0, value);
        setOption(level, name, v, what);
    }

    private void setOption(int level, int name, MemorySegment value, String what) throws IOException {
        int rc;
        try {
            rc = (int) Libc.SETSOCKOPT.invokeExact(errno, fd, level, name, value, (int) value.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (rc != 0) {
            throw new IOException("setsockopt " + what + " on " + interfaceName + " failed: errno " + Libc.errno(errno));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int ignored = (int) Libc.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        arena.close();
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }

    static {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            // The struct offsets above are the LP64 little-endian ones (x86_64, aarch64).
            throw new ExceptionInInitializerError("podbgp's ICMPv6 socket needs a little-endian LP64 platform");
        }
    }
}
