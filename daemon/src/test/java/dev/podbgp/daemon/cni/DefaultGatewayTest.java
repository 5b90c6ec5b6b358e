package dev.podbgp.daemon.cni;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import org.junit.jupiter.api.Test;

/** Which router {@code defaultGatewayPeer} peers with, from {@code ip -j route show default}. */
class DefaultGatewayTest {

    @Test
    void theLowestMetricsGatewayIsTheOne() {
        String json = """
                [{"dst":"default","gateway":"10.0.0.2","dev":"eth1","metric":200,"flags":[]},
                 {"dst":"default","gateway":"10.0.0.1","dev":"eth0","flags":[]}]""";
        assertThat(DefaultGateway.of(json, AddressFamily.IPV4)).contains(IpAddress.parse("10.0.0.1"));
    }

    @Test
    void aDeviceRouteAMultipathRouteOrNoRouteHaveNoGatewayToPeerWith() {
        assertThat(DefaultGateway.of("[{\"dst\":\"default\",\"dev\":\"wg0\",\"scope\":\"link\",\"flags\":[]}]",
                AddressFamily.IPV4)).isEmpty();
        assertThat(DefaultGateway.of("""
                [{"dst":"default","flags":[],"nexthops":[{"gateway":"10.0.0.1","dev":"eth0"},{"gateway":"10.0.1.1","dev":"eth1"}]}]""",
                AddressFamily.IPV4)).isEmpty();
        assertThat(DefaultGateway.of("[]", AddressFamily.IPV4)).isEmpty();
        assertThat(DefaultGateway.of("", AddressFamily.IPV6)).isEmpty();
    }

    @Test
    void anUnreachableDefaultIsNoGateway() {
        assertThat(DefaultGateway.of("[{\"type\":\"unreachable\",\"dst\":\"default\",\"gateway\":\"10.0.0.9\",\"flags\":[]}]",
                AddressFamily.IPV4)).isEmpty();
        assertThat(DefaultGateway.of("[{\"dst\":\"default\",\"gateway\":\"2001:db8::1\",\"dev\":\"eth0\",\"flags\":[]}]",
                AddressFamily.IPV6)).contains(IpAddress.parse("2001:db8::1"));
    }
}
