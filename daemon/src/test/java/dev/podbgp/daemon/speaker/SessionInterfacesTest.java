package dev.podbgp.daemon.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.fib.link.InterfaceAddress;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.rib.PeerInfo;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which interface a session runs over: the one owning its local address, when the peer is on that subnet. */
class SessionInterfacesTest {

    private static final int ETH1 = 7;
    private final List<IpAddress> lookedUp = new ArrayList<>();
    private final SessionInterfaces interfaces = new SessionInterfaces(local -> {
        lookedUp.add(local);
        return switch (local.toString()) {
            case "fd00:77:1::1" -> Optional.of(new InterfaceAddress(ETH1, local, 64));
            case "10.0.0.1" -> Optional.of(new InterfaceAddress(1, local, 32));
            case "fd00:99::1" -> throw new IOException("netlink socket refused");
            default -> Optional.empty();
        };
    });

    private static PeerInfo peer(int id, String address) {
        return new PeerInfo(id, IpAddress.parse(address), 64512, Ipv4Address.parse("10.0.0.9"), false, false);
    }

    private static InetSocketAddress local(String address) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(address), 179);
    }

    @Test
    void aPeerOnTheSubnetOfTheLocalAddressIsOnThatInterface() throws Exception {
        PeerInfo p = peer(1, "fd00:77:1::2");
        interfaces.established(1, local("fd00:77:1::1"), InetAddress.getByName("fd00:77:1::2"));
        assertThat(interfaces.interfaceOf(p)).isEqualTo(ETH1);
        // Asked once per session, not per route.
        assertThat(interfaces.interfaceOf(p)).isEqualTo(ETH1);
        assertThat(lookedUp).hasSize(1);
        // A new session is looked up again.
        interfaces.established(1, local("fd00:77:1::1"), InetAddress.getByName("fd00:77:1::2"));
        assertThat(interfaces.interfaceOf(p)).isEqualTo(ETH1);
        assertThat(lookedUp).hasSize(2);
    }

    @Test
    void aMultihopSessionHasNoInterface() throws Exception {
        // From a loopback address: not on any link with the peer.
        interfaces.established(2, local("10.0.0.1"), InetAddress.getByName("10.9.9.9"));
        assertThat(interfaces.interfaceOf(peer(2, "10.9.9.9"))).isZero();
        interfaces.established(3, local("fd00:77:1::1"), InetAddress.getByName("fd00:88::2"));
        assertThat(interfaces.interfaceOf(peer(3, "fd00:88::2"))).isZero();
    }

    @Test
    void aSessionBetweenLinkLocalAddressesIsOnTheInterfaceOfItsScope() throws Exception {
        Inet6Address scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 12);
        interfaces.established(4, new InetSocketAddress(scoped, 179), InetAddress.getByName("fe80::2"));
        assertThat(interfaces.interfaceOf(peer(4, "fe80::2"))).isEqualTo(12);
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void unknownSessionsAndFailedLookupsHaveNoInterface() throws Exception {
        assertThat(interfaces.interfaceOf(peer(5, "fd00:77:1::5"))).isZero();
        interfaces.established(6, local("fd00:99::1"), InetAddress.getByName("fd00:99::2"));
        assertThat(interfaces.interfaceOf(peer(6, "fd00:99::2"))).isZero();
        interfaces.established(6, null, InetAddress.getByName("fd00:99::2"));
        assertThat(interfaces.interfaceOf(peer(6, "fd00:99::2"))).isZero();
    }
}
