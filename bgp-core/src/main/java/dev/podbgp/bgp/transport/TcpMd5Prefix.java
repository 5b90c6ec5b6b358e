package dev.podbgp.bgp.transport;

import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An RFC 2385 TCP MD5 key for every address of a prefix, on a listening socket: Linux's {@code TCP_MD5SIG_EXT}
 * with {@code TCP_MD5SIG_FLAG_PREFIX} (since 4.13). Netty's {@code TCP_MD5SIG} option knows single addresses only,
 * and a listen range's peers are not known before their SYN. A connection accepted from the prefix inherits the
 * key. Keys Netty sets for single addresses are separate entries and take precedence for their address.
 */
final class TcpMd5Prefix {

    private static final int SOL_SOCKET = 1;
    private static final int SO_DOMAIN = 39;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_MD5SIG_EXT = 32;
    private static final int TCP_MD5SIG_FLAG_PREFIX = 1;
    static final int MAX_KEY_LENGTH = 80;
    /** {@code struct tcp_md5sig}: a 128-byte sockaddr_storage, flags, prefix length, key length, ifindex, key. */
    private static final int STRUCT_SIZE = 128 + 1 + 1 + 2 + 4 + MAX_KEY_LENGTH;

    private TcpMd5Prefix() {}

    /** Sets {@code key} for every address in {@code prefix} on the socket {@code fd}. */
    static void set(int fd, Prefix prefix, byte[] key) throws IOException {
        if (key.length == 0 || key.length > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an MD5 key has 1 to " + MAX_KEY_LENGTH + " bytes");
        }
        SocketOptions.setBytes(fd, IPPROTO_TCP, TCP_MD5SIG_EXT, struct(fd, prefix, key));
    }

    /** Removes the key of {@code prefix} (a zero-length key deletes, tcp(7)). */
    static void remove(int fd, Prefix prefix) throws IOException {
        SocketOptions.setBytes(fd, IPPROTO_TCP, TCP_MD5SIG_EXT, struct(fd, prefix, new byte[0]));
    }

    private static byte[] struct(int fd, Prefix prefix, byte[] key) throws IOException {
        boolean socketIpv6 = SocketOptions.getInt(fd, SOL_SOCKET, SO_DOMAIN) == AF_INET6;
        ByteBuffer b = ByteBuffer.allocate(STRUCT_SIZE).order(ByteOrder.nativeOrder());
        byte[] address = prefix.address().toBytes();
        int length = prefix.length();
        if (socketIpv6) {
            // sockaddr_in6: family, port, flowinfo, then the address. An IPv4 prefix on a dual-stack socket is
            // given v4-mapped; the kernel then takes the prefix length as the IPv4 one.
            b.putShort((short) AF_INET6).putShort((short) 0).putInt(0);
            if (prefix instanceof Ipv4Prefix) {
                b.put(new byte[10]).put((byte) 0xff).put((byte) 0xff);
            }
            b.put(address);
        } else {
            if (!(prefix instanceof Ipv4Prefix)) {
                throw new IllegalArgumentException("an IPv6 prefix " + prefix + " on an IPv4 socket");
            }
            // sockaddr_in: family, port, address.
            b.putShort((short) AF_INET).putShort((short) 0).put(address);
        }
        b.position(128);
        b.put((byte) TCP_MD5SIG_FLAG_PREFIX).put((byte) length).putShort((short) key.length).putInt(0).put(key);
        return b.array();
    }
}
