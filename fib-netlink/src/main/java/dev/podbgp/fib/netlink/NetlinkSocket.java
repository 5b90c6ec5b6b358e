package dev.podbgp.fib.netlink;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@code NETLINK_ROUTE} socket. It belongs to the network namespace of the thread that opened
 * it (see {@code dev.podbgp.fib.netns}); after that any one thread at a time may use it: the errno
 * scratch segment is shared, so a socket is never used by two threads at once.
 */
public final class NetlinkSocket implements AutoCloseable {

    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_ROUTE = 0;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVTIMEO = 20;
    static final int SO_SNDBUFFORCE = 32;
    static final int SO_RCVBUFFORCE = 33;
    static final int SO_ATTACH_FILTER = 26;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_ADD_MEMBERSHIP = 1;
    static final int NETLINK_CAP_ACK = 10;
    static final int NETLINK_EXT_ACK = 11;
    static final int NETLINK_GET_STRICT_CHK = 12;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment errno = arena.allocate(Syscalls.ERRNO_LAYOUT);
    private final MemorySegment option = arena.allocate(16, 8);
    private volatile boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Opens a route socket in the calling thread's namespace, with extended acks (the kernel's
     * reason text), capped acks (no echo of our request in each ack, so acks stay 36 octets) and
     * strict checking (dumps filtered by the kernel on table and protocol).
     */
    public static NetlinkSocket open() throws IOException {
        MemorySegment state = Arena.ofAuto().allocate(Syscalls.ERRNO_LAYOUT);
        int fd;
        try {
            fd = (int) Syscalls.SOCKET.invokeExact(state, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (fd < 0) {
            throw new IOException("socket(AF_NETLINK, NETLINK_ROUTE) failed: " + Errno.name(Syscalls.errno(state)));
        }
        NetlinkSocket socket = new NetlinkSocket(fd);
        try {
            socket.bind();
            socket.setInt(SOL_NETLINK, NETLINK_EXT_ACK, 1);
            socket.setInt(SOL_NETLINK, NETLINK_CAP_ACK, 1);
            socket.setInt(SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void bind() throws IOException {
        MemorySegment addr = arena.allocate(12, 4);
        addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_NETLINK);
        int rc;
        try {
            rc = (int) Syscalls.BIND.invokeExact(errno, fd, addr, 12);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (rc != 0) {
            throw new IOException("bind(AF_NETLINK) failed: " + Errno.name(Syscalls.errno(errno)));
        }
    }

    /** Send and receive buffer sizes; the FORCE variants pass root's override of the sysctl caps. */
    public void setBufferSizes(int send, int receive) throws IOException {
        setInt(SOL_SOCKET, SO_SNDBUFFORCE, send);
        setInt(SOL_SOCKET, SO_RCVBUFFORCE, receive);
    }

    /** Joins a multicast group (RTNLGRP_*) to receive the kernel's change notifications. */
    public void joinGroup(int group) throws IOException {
        setInt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group);
    }

    /**
     * Attaches a classic BPF program ({@link SocketFilter}'s instructions) that the kernel runs on
     * every message before queueing it: what it drops costs no buffer space, no copy and no wake-up.
     */
    public void attachFilter(long[] program) throws IOException {
        try (Arena scratch = Arena.ofConfined()) {
            // struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }, in the machine's byte order.
            MemorySegment code = scratch.allocate(8L * program.length, 8);
            for (int i = 0; i < program.length; i++) {
                long insn = program[i];
                code.set(ValueLayout.JAVA_SHORT, 8L * i, (short) insn);
                code.set(ValueLayout.JAVA_BYTE, 8L * i + 2, (byte) (insn >>> 16));
                code.set(ValueLayout.JAVA_BYTE, 8L * i + 3, (byte) (insn >>> 24));
                code.set(ValueLayout.JAVA_INT, 8L * i + 4, (int) (insn >>> 32));
            }
            // struct sock_fprog { unsigned short len; struct sock_filter *filter; }: the pointer is aligned to 8.
            option.set(ValueLayout.JAVA_LONG, 0, 0);
            option.set(ValueLayout.JAVA_SHORT, 0, (short) program.length);
            option.set(ValueLayout.ADDRESS, 8, code);
            setOption(SOL_SOCKET, SO_ATTACH_FILTER, 16);
        }
    }

    /** After this, {@link #receive} returns -1 when nothing arrived within the timeout. */
    public void setReceiveTimeout(int millis) throws IOException {
        option.set(ValueLayout.JAVA_LONG, 0, millis / 1000);
        option.set(ValueLayout.JAVA_LONG, 8, (millis % 1000) * 1000L);
        setOption(SOL_SOCKET, SO_RCVTIMEO, 16);
    }

    void setInt(int level, int name, int value) throws IOException {
        option.set(ValueLayout.JAVA_INT, 0, value);
        setOption(level, name, 4);
    }

    private void setOption(int level, int name, int length) throws IOException {
        int rc;
        try {
            rc = (int) Syscalls.SETSOCKOPT.invokeExact(errno, fd, level, name, option, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (rc != 0) {
            throw new IOException("setsockopt(level " + level + ", option " + name + ") failed: "
                    + Errno.name(Syscalls.errno(errno)));
        }
    }

    /** Sends {@code length} octets of {@code buffer} as one datagram (the kernel handles every message in it). */
    public void send(MemorySegment buffer, int length) throws IOException {
        while (true) {
            long n;
            try {
                n = (long) Syscalls.SEND.invokeExact(errno, fd, buffer, (long) length, 0);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            if (n == length) {
                return;
            }
            int e = Syscalls.errno(errno);
            if (n < 0 && e == Errno.EINTR) {
                continue;
            }
            throw new NetlinkException("send", n < 0 ? e : Errno.EINVAL);
        }
    }

    /**
     * Receives one datagram into {@code buffer}; returns its length, or -1 when the receive
     * timeout passed. ENOBUFS (the kernel dropped notifications) is thrown so callers resync.
     */
    public int receive(MemorySegment buffer) throws IOException {
        while (true) {
            long n;
            try {
                n = (long) Syscalls.RECV.invokeExact(errno, fd, buffer, buffer.byteSize(), 0);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            if (n >= 0) {
                return (int) n;
            }
            int e = Syscalls.errno(errno);
            if (e == Errno.EINTR) {
                continue;
            }
            if (e == Errno.EAGAIN || closed) {
                return -1;
            }
            throw new NetlinkException("recv", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int ignored = (int) Syscalls.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        arena.close();
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
