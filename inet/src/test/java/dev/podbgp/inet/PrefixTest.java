package dev.podbgp.inet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefixTest {

    @Test
    void hostBitsAreRefusedWithTheNetworkNamed() {
        assertThatThrownBy(() -> Prefix.parse("10.240.1.1/24"))
                .isInstanceOf(InetParseException.class)
                .hasMessageContaining("did you mean 10.240.1.0/24");
        assertThatThrownBy(() -> Prefix.parse("2001:db8::1/64"))
                .hasMessageContaining("did you mean 2001:db8::/64");
        assertThat(Prefix.parseMasked("10.240.1.1/24")).hasToString("10.240.1.0/24");
        assertThat(Prefix.parseMasked("2001:db8::1/64")).hasToString("2001:db8::/64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/2a",
            "::/129", "::/", "10.0.0/8", "/8", "10.0.0.0/0008"})
    void refusesMalformedPrefixes(String input) {
        assertThatThrownBy(() -> Prefix.parse(input)).isInstanceOf(InetParseException.class);
    }

    @Test
    void containsAndOverlaps() {
        Prefix cluster = Prefix.parse("10.240.0.0/16");
        Prefix node = Prefix.parse("10.240.1.0/24");
        assertThat(cluster.contains(node)).isTrue();
        assertThat(node.contains(cluster)).isFalse();
        assertThat(node.overlaps(cluster)).isTrue();
        assertThat(node.overlaps(Prefix.parse("10.240.2.0/24"))).isFalse();
        assertThat(node.contains(IpAddress.parse("10.240.1.7"))).isTrue();
        assertThat(node.contains(IpAddress.parse("10.240.2.7"))).isFalse();
        assertThat(Ipv4Prefix.DEFAULT.contains(node)).isTrue();
        assertThat(node.overlaps(Prefix.parse("fd00::/8"))).isFalse();
        Prefix v6 = Prefix.parse("fd00:10:240::/48");
        assertThat(v6.contains(Prefix.parse("fd00:10:240:1::/64"))).isTrue();
        assertThat(v6.contains(IpAddress.parse("fd00:10:241::1"))).isFalse();
        assertThat(Ipv6Prefix.DEFAULT.contains(v6)).isTrue();
        assertThat(Prefix.parse("::/0").contains(IpAddress.parse("10.0.0.1"))).isFalse();
    }

    @Property(tries = 1000)
    void ipv4PackingPreservesValueAndOrder(@ForAll int a, @ForAll @IntRange(max = 32) int la,
                                           @ForAll int b, @ForAll @IntRange(max = 32) int lb) {
        Ipv4Prefix p = Ipv4Prefix.masked(a, la);
        Ipv4Prefix q = Ipv4Prefix.masked(b, lb);
        assertThat(Ipv4Prefix.fromLong(p.toLong())).isEqualTo(p);
        assertThat(Integer.signum(Long.compare(p.toLong(), q.toLong())))
                .isEqualTo(Integer.signum(p.compareTo(q)));
        assertThat(Prefix.parse(p.toString())).isEqualTo(p);
    }

    @Property(tries = 1000)
    void containmentAgreesWithMasking(@ForAll long hi, @ForAll long lo,
                                      @ForAll @IntRange(max = 128) int outer, @ForAll @IntRange(max = 128) int inner) {
        Ipv6Prefix o = Ipv6Prefix.masked(hi, lo, Math.min(outer, inner));
        Ipv6Prefix i = Ipv6Prefix.masked(hi, lo, Math.max(outer, inner));
        assertThat(o.contains(i)).isTrue();
        assertThat(o.overlaps(i)).isTrue();
        assertThat(i.contains(o)).isEqualTo(outer == inner);
        assertThat(Prefix.parse(i.toString())).isEqualTo(i);
    }

    @Test
    void sortsLikeARoutingTable() {
        List<Prefix> list = new ArrayList<>(List.of(Prefix.parse("fd00::/8"), Prefix.parse("10.0.0.0/16"),
                Prefix.parse("10.0.0.0/8"), Prefix.parse("9.0.0.0/8"), Prefix.parse("::/0")));
        Collections.sort(list);
        assertThat(list).extracting(Object::toString)
                .containsExactly("9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "::/0", "fd00::/8");
    }
}
