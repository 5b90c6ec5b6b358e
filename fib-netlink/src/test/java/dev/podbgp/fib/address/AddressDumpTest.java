package dev.podbgp.fib.address;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.fib.TestNamespace;
import dev.podbgp.fib.netlink.Rtnetlink;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node's addresses read back from a real namespace, as {@code ip addr} shows them. */
class AddressDumpTest {

    @Test
    void dumpsBothFamiliesOfEveryInterfaceWithScopeAndPrefix() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            int d0 = ns.ifindex("d0");
            int lo = ns.ifindex("lo");
            List<InterfaceAddress> all = ns.namespace().call(AddressDump::current);
            InterfaceAddress v4 = find(all, "10.0.0.1");
            assertThat(v4.ifindex()).isEqualTo(d0);
            assertThat(v4.prefixLength()).isEqualTo(24);
            assertThat(v4.global()).isTrue();
            assertThat(v4.stable()).isTrue();
            assertThat(v4.subnet()).isEqualTo(Prefix.parse("10.0.0.0/24"));
            InterfaceAddress v6 = find(all, "2001:db8::1");
            assertThat(v6.ifindex()).isEqualTo(d0);
            assertThat(v6.subnet()).isEqualTo(Prefix.parse("2001:db8::/64"));
            assertThat(v6.global()).isTrue();
            // The kernel makes d0's link-local itself when the link comes up.
            assertThat(all).filteredOn(a -> a.ifindex() == d0 && a.linkLocal()).singleElement()
                    .satisfies(ll -> assertThat(ll.scope()).isEqualTo(Rtnetlink.RT_SCOPE_LINK));
            InterfaceAddress loopback = find(all, "127.0.0.1");
            assertThat(loopback.ifindex()).isEqualTo(lo);
            assertThat(loopback.global()).isFalse();
        }
    }

    @Test
    void aDeprecatedAddressIsNotStable() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            ns.ip("-6", "addr", "add", "2001:db8::5/64", "dev", "d0", "nodad", "preferred_lft", "0");
            List<InterfaceAddress> all = ns.namespace().call(AddressDump::current);
            InterfaceAddress deprecated = find(all, "2001:db8::5");
            assertThat(deprecated.flags() & Rtnetlink.IFA_F_DEPRECATED).isNotZero();
            assertThat(deprecated.stable()).isFalse();
            assertThat(find(all, "2001:db8::1").stable()).isTrue();
        }
    }

    private static InterfaceAddress find(List<InterfaceAddress> all, String address) {
        IpAddress wanted = IpAddress.parse(address);
        return all.stream().filter(a -> a.address().equals(wanted)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not in " + all));
    }
}
