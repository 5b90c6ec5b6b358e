package dev.podbgp.inet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

    @Test
    void clearEmptiesTheMapWhichStaysUsable() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        map.put(Ipv4Prefix.pack(0x0a000000, 8), "ten");
        assertThat(map.isEmpty()).isFalse();
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get(Ipv4Prefix.pack(0x0a000000, 8))).isNull();
        map.put(Ipv4Prefix.pack(0x0a000000, 8), "again");
        assertThat(map.get(Ipv4Prefix.pack(0x0a000000, 8))).isEqualTo("again");
    }

    @Test
    void aVisitorsCheckedExceptionReachesTheCaller() {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>();
        map.put(Ipv4Prefix.pack(0x0a000000, 8), "ten");
        assertThatThrownBy(() -> map.forEach((key, value) -> {
            throw new IOException("socket gone at " + Ipv4Prefix.fromLong(key));
        })).isInstanceOf(IOException.class).hasMessage("socket gone at 10.0.0.0/8");
    }
}
