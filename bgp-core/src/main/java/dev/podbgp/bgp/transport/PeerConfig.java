package dev.podbgp.bgp.transport;

import dev.podbgp.bgp.session.SessionConfig;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One configured neighbour as the transport sees it.
 *
 * @param address      the peer's address; only connections from it are accepted for this peer
 * @param port         the peer's BGP port (179)
 * @param localAddress source address of our connections, or {@code null} for the kernel's choice
 * @param md5Password  RFC 2385 TCP MD5 key, or {@code null}; needs the epoll transport
 * @param ttl          TTL sent and accepted (GTSM, multihop)
 */
public record PeerConfig(InetAddress address, int port, InetAddress localAddress, SessionConfig session,
                         String md5Password, TtlPolicy ttl) {

    public static final int BGP_PORT = 179;

    public PeerConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ttl, "ttl");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (md5Password != null && (md5Password.isEmpty()
                || md5Password.getBytes(StandardCharsets.US_ASCII).length > 80)) {
            // Linux TCP_MD5SIG_MAXKEYLEN.
            throw new IllegalArgumentException("an MD5 password has 1 to 80 characters");
        }
    }

    public static PeerConfig of(InetAddress address, SessionConfig session) {
        return new PeerConfig(address, BGP_PORT, null, session, null, TtlPolicy.SYSTEM_DEFAULT);
    }

    public PeerConfig withAddress(InetAddress value) {
        return new PeerConfig(value, port, localAddress, session, md5Password, ttl);
    }

    public PeerConfig withPort(int value) {
        return new PeerConfig(address, value, localAddress, session, md5Password, ttl);
    }

    public PeerConfig withLocalAddress(InetAddress value) {
        return new PeerConfig(address, port, value, session, md5Password, ttl);
    }

    public PeerConfig withMd5Password(String value) {
        return new PeerConfig(address, port, localAddress, session, value, ttl);
    }

    public PeerConfig withTtl(TtlPolicy value) {
        return new PeerConfig(address, port, localAddress, session, md5Password, value);
    }

    public PeerConfig withSession(SessionConfig value) {
        return new PeerConfig(address, port, localAddress, value, md5Password, ttl);
    }

    byte[] md5Key() {
        return md5Password == null ? null : md5Password.getBytes(StandardCharsets.US_ASCII);
    }
}
