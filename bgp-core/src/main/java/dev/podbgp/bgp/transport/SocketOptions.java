package dev.podbgp.bgp.transport;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Integer socket options Netty does not expose, set with {@code setsockopt(2)} through
 * {@code java.lang.foreign}: the TTL we send with (eBGP single hop 1, multihop N, GTSM 255)
 * and the minimum TTL we accept (GTSM, RFC 5082 §3), for IPv4 and IPv6.
 */
public final class SocketOptions {

    static final int IPPROTO_IP = 0;
    static final int IP_TTL = 2;
    static final int IP_MINTTL = 21;
    static final int IPPROTO_IPV6 = 41;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_MINHOPCOUNT = 73;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout ERRNO = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VALUE =
            ERRNO.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SETSOCKOPT = downcall("setsockopt",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle GETSOCKOPT = downcall("getsockopt",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));

    private SocketOptions() {}

    private static MethodHandle downcall(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd,
                Linker.Option.captureCallState("errno"));
    }

    /** The TTL (IPv4) or hop limit (IPv6) of packets this socket sends. */
    public static void setSendTtl(int fd, boolean ipv6, int ttl) throws IOException {
        checkTtl(ttl);
        setInt(fd, ipv6 ? IPPROTO_IPV6 : IPPROTO_IP, ipv6 ? IPV6_UNICAST_HOPS : IP_TTL, ttl);
    }

    /** Drops received packets whose TTL/hop limit is below {@code ttl} (GTSM); 0 turns it off. */
    public static void setMinimumTtl(int fd, boolean ipv6, int ttl) throws IOException {
        if (ttl != 0) {
            checkTtl(ttl);
        }
        setInt(fd, ipv6 ? IPPROTO_IPV6 : IPPROTO_IP, ipv6 ? IPV6_MINHOPCOUNT : IP_MINTTL, ttl);
    }

    public static int sendTtl(int fd, boolean ipv6) throws IOException {
        return getInt(fd, ipv6 ? IPPROTO_IPV6 : IPPROTO_IP, ipv6 ? IPV6_UNICAST_HOPS : IP_TTL);
    }

    public static int minimumTtl(int fd, boolean ipv6) throws IOException {
        return getInt(fd, ipv6 ? IPPROTO_IPV6 : IPPROTO_IP, ipv6 ? IPV6_MINHOPCOUNT : IP_MINTTL);
    }

    private static void checkTtl(int ttl) {
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("TTL " + ttl + " is outside 1..255");
        }
    }

    static void setInt(int fd, int level, int option, int value) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(ERRNO);
            MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_INT, value);
            int rc = (int) SETSOCKOPT.invokeExact(errno, fd, level, option, v, (int) ValueLayout.JAVA_INT.byteSize());
            if (rc != 0) {
                throw new IOException("setsockopt(fd " + fd + ", level " + level + ", option " + option + ") failed: errno "
                        + (int) ERRNO_VALUE.get(errno, 0L));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code setsockopt} with a structure given as its bytes, in the machine's layout. */
    static void setBytes(int fd, int level, int option, byte[] value) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(ERRNO);
            MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_BYTE, value);
            int rc = (int) SETSOCKOPT.invokeExact(errno, fd, level, option, v, value.length);
            if (rc != 0) {
                throw new IOException("setsockopt(fd " + fd + ", level " + level + ", option " + option + ") failed: errno "
                        + (int) ERRNO_VALUE.get(errno, 0L));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int getInt(int fd, int level, int option) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(ERRNO);
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, (int) ValueLayout.JAVA_INT.byteSize());
            int rc = (int) GETSOCKOPT.invokeExact(errno, fd, level, option, v, len);
            if (rc != 0) {
                throw new IOException("getsockopt(fd " + fd + ", level " + level + ", option " + option + ") failed: errno "
                        + (int) ERRNO_VALUE.get(errno, 0L));
            }
            return v.get(ValueLayout.JAVA_INT, 0);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
