package dev.podbgp.inet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4AddressTest {

    @Property(tries = 2000)
    void textAndBytesRoundTrip(@ForAll int bits) {
        Ipv4Address a = new Ipv4Address(bits);
        assertThat(Ipv4Address.parse(a.toString())).isEqualTo(a);
        assertThat(Ipv4Address.ofBytes(a.toBytes(), 0)).isEqualTo(a);
    }

    @Test
    void formatsDottedQuad() {
        assertThat(Ipv4Address.of(10, 240, 1, 254)).hasToString("10.240.1.254");
        assertThat(new Ipv4Address(-1)).hasToString("255.255.255.255");
        assertThat(new Ipv4Address(-1).toUnsignedLong()).isEqualTo(0xFFFF_FFFFL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1..2.3", "1.2.3.", ".1.2.3",
            "01.2.3.4", "a.b.c.d", "1.2.3.4 ", "-1.2.3.4"})
    void refusesAnythingButFourDecimalOctets(String input) {
        assertThatThrownBy(() -> Ipv4Address.parse(input)).isInstanceOf(InetParseException.class);
    }

    @Test
    void ordersUnsignedAndIpv4BeforeIpv6() {
        assertThat(Ipv4Address.parse("128.0.0.0")).isGreaterThan(Ipv4Address.parse("127.255.255.255"));
        assertThat((IpAddress) Ipv4Address.parse("255.255.255.255")).isLessThan(Ipv6Address.parse("::"));
        assertThat(IpAddress.parse("::1")).isInstanceOf(Ipv6Address.class);
        assertThat(IpAddress.ofBytes(new byte[] {10, 0, 0, 1})).isEqualTo(Ipv4Address.of(10, 0, 0, 1));
    }
}
