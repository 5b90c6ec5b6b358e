package dev.podbgp.bgp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import java.io.IOException;
import io.netty.channel.socket.SocketProtocolFamily;
import org.junit.jupiter.api.Test;

class SocketOptionsTest {

    @Test
    void epollIsAvailableOnThisPlatform() {
        // The daemon falls back to NIO, but on the Linux machines podbgp ships to epoll must load:
        // GTSM and MD5 need a file descriptor.
        assertThat(Epoll.isAvailable()).as(String.valueOf(Epoll.unavailabilityCause())).isTrue();
    }

    @Test
    void rfc5082_s3_sendTtlAndMinimumTtlAreSetOnIpv4AndIpv6Sockets() throws IOException {
        for (boolean ipv6 : new boolean[] {false, true}) {
            Epoll.ensureAvailability();
            EpollSocketChannel ch = new EpollSocketChannel(ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET);
            try {
                int fd = ch.fd().intValue();
                SocketOptions.setSendTtl(fd, ipv6, 255);
                SocketOptions.setMinimumTtl(fd, ipv6, 254);
                assertThat(SocketOptions.sendTtl(fd, ipv6)).isEqualTo(255);
                assertThat(SocketOptions.minimumTtl(fd, ipv6)).isEqualTo(254);
                SocketOptions.setSendTtl(fd, ipv6, 1);
                assertThat(SocketOptions.sendTtl(fd, ipv6)).isEqualTo(1);
            } finally {
                ch.unsafe().closeForcibly();
            }
        }
    }

    @Test
    void badDescriptorReportsErrno() {
        assertThatThrownBy(() -> SocketOptions.setSendTtl(-1, false, 64)).isInstanceOf(IOException.class)
                .hasMessageContaining("errno 9"); // EBADF
        assertThatThrownBy(() -> SocketOptions.setSendTtl(0, false, 256)).isInstanceOf(IllegalArgumentException.class);
    }
}
