package dev.podbgp.rib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.inet.Ipv4Prefix;
import org.junit.jupiter.api.Test;

class Ipv4PrefixMapTest {

    @Test
    void growsPastItsInitialCapacity() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        for (int i = 0; i < 100_000; i++) {
            map.put(Ipv4Prefix.pack(i << 8, 24), "v" + i);
        }
        assertThat(map.size()).isEqualTo(100_000);
        assertThat(map.get(Ipv4Prefix.pack(77_777 << 8, 24))).isEqualTo("v77777");
        assertThat(map.get(Ipv4Prefix.pack(77_777 << 8, 23))).isNull();
    }

    @Test
    void theDefaultRouteKeyZeroIsAnOrdinaryKey() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        assertThat(map.get(Ipv4Prefix.DEFAULT.toLong())).isNull();
        map.put(Ipv4Prefix.DEFAULT.toLong(), "default");
        assertThat(map.get(0L)).isEqualTo("default");
        assertThat(map.remove(0L)).isEqualTo("default");
        assertThat(map.size()).isZero();
    }
}
