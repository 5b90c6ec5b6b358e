package dev.podbgp.fib.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Ipv6Prefix;
import org.junit.jupiter.api.Test;

class Ipv6RouteKeysTest {

    private final Ipv6RouteKeys keys = new Ipv6RouteKeys();
    private final Ipv6Prefix a = Ipv6Prefix.parse("2001:db8:a::/48");
    private final Ipv6Prefix b = Ipv6Prefix.parse("2001:db8:b::/48");
    private final Ipv6Prefix c = Ipv6Prefix.parse("2001:db8:c::/48");

    @Test
    void aPrefixKeepsItsNumberUntilReleasedAndANumberIsReusedAfter() {
        long ka = keys.keyOf(a);
        long kb = keys.keyOf(b);
        assertThat(ka).isNotEqualTo(kb);
        assertThat(keys.keyOf(a)).isEqualTo(ka);
        assertThat(keys.prefix(kb)).isEqualTo(b);
        assertThat(keys.existingKey(c)).isEqualTo(-1);

        keys.release(ka);
        assertThat(keys.existingKey(a)).isEqualTo(-1);
        assertThat(keys.size()).isEqualTo(1);
        long kc = keys.keyOf(c);
        assertThat(kc).isEqualTo(ka);
        assertThat(keys.prefix(kc)).isEqualTo(c);
        assertThat(keys.existingKey(b)).isEqualTo(kb);
    }

    @Test
    void releasingTwiceGivesTheNumberBackOnce() {
        long ka = keys.keyOf(a);
        keys.release(ka);
        keys.release(ka);
        long kb = keys.keyOf(b);
        long kc = keys.keyOf(c);
        assertThat(kb).isEqualTo(ka);
        assertThat(kc).isNotEqualTo(kb);
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void keysFitARequestTag() {
        for (int i = 0; i < 1000; i++) {
            long key = keys.keyOf(Ipv6Prefix.masked(0x2001_0db8_0000_0000L | (long) i << 16, 0, 48));
            assertThat(RequestTag.key(RequestTag.IPV6 | RequestTag.DELETE | key)).isEqualTo(key);
        }
    }
}
