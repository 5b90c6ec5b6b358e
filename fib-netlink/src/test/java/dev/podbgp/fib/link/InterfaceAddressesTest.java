package dev.podbgp.fib.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.fib.TestNamespace;
import dev.podbgp.inet.IpAddress;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The address dump against a real kernel: which interface owns an address, in a throw-away namespace. */
class InterfaceAddressesTest {

    private TestNamespace ns;

    @BeforeEach
    void createNamespace() throws IOException {
        ns = TestNamespace.create();
    }

    @AfterEach
    void deleteNamespace() throws IOException {
        ns.close();
    }

    @Test
    void findsTheInterfaceAndSubnetOfEachFamilysAddress() throws IOException {
        int d0 = ns.ifindex("d0");
        assertThat(InterfaceAddresses.owning(ns.namespace(), IpAddress.parse("10.0.0.1")))
                .contains(new InterfaceAddress(d0, IpAddress.parse("10.0.0.1"), 24));
        assertThat(InterfaceAddresses.owning(ns.namespace(), IpAddress.parse("2001:db8::1")))
                .contains(new InterfaceAddress(d0, IpAddress.parse("2001:db8::1"), 64));
        assertThat(InterfaceAddresses.owning(ns.namespace(), IpAddress.parse("127.0.0.1")))
                .contains(new InterfaceAddress(ns.ifindex("lo"), IpAddress.parse("127.0.0.1"), 8));
        assertThat(InterfaceAddresses.owning(ns.namespace(), IpAddress.parse("10.0.0.2"))).isEmpty();
    }

    @Test
    void listsTheLinkLocalAddressesTheKernelGaveTheInterfaces() throws IOException {
        ns.ip("-6", "addr", "add", "fe80::77/64", "dev", "d1", "nodad");
        List<InterfaceAddress> all = InterfaceAddresses.dump(ns.namespace());
        assertThat(all).contains(new InterfaceAddress(ns.ifindex("d1"), IpAddress.parse("fe80::77"), 64));
        assertThat(all).extracting(InterfaceAddress::ifindex).doesNotContain(0);
    }

    @Test
    void anAddressIsOnItsSubnetAndNoOther() {
        InterfaceAddress v4 = new InterfaceAddress(3, IpAddress.parse("10.77.1.1"), 24);
        assertThat(v4.onSubnet(IpAddress.parse("10.77.1.200"))).isTrue();
        assertThat(v4.onSubnet(IpAddress.parse("10.77.2.1"))).isFalse();
        assertThat(v4.onSubnet(IpAddress.parse("fd00:77:1::2"))).isFalse();
        InterfaceAddress v6 = new InterfaceAddress(3, IpAddress.parse("fd00:77:1::1"), 64);
        assertThat(v6.onSubnet(IpAddress.parse("fd00:77:1::2"))).isTrue();
        assertThat(v6.onSubnet(IpAddress.parse("fd00:77:2::2"))).isFalse();
        InterfaceAddress narrow = new InterfaceAddress(3, IpAddress.parse("fd00::1:1"), 120);
        assertThat(narrow.onSubnet(IpAddress.parse("fd00::1:ff"))).isTrue();
        assertThat(narrow.onSubnet(IpAddress.parse("fd00::2:1"))).isFalse();
        InterfaceAddress host = new InterfaceAddress(1, IpAddress.parse("10.0.0.9"), 32);
        assertThat(host.onSubnet(IpAddress.parse("10.0.0.9"))).isTrue();
        assertThat(host.onSubnet(IpAddress.parse("10.0.0.8"))).isFalse();
    }
}
