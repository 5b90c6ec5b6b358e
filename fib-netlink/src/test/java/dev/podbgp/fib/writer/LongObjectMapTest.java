package dev.podbgp.fib.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LongObjectMapTest {

    /** Any sequence of puts and removes leaves the map equal to a HashMap given the same sequence. */
    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 300) Integer> ops) throws IOException {
        LongObjectMap<String> map = new LongObjectMap<>(4);
        Map<Long, String> model = new HashMap<>();
        for (int op : ops) {
            long key = (op % 150) * 0x1_0000_0100L;
            if (op >= 150) {
                assertThat(map.remove(key)).isEqualTo(model.remove(key));
            } else {
                assertThat(map.put(key, "v" + op)).isEqualTo(model.put(key, "v" + op));
            }
        }
        assertThat(map.size()).isEqualTo(model.size());
        Map<Long, String> seen = new HashMap<>();
        map.forEach(seen::put);
        assertThat(seen).isEqualTo(model);
        for (long k = 0; k < 150; k++) {
            assertThat(map.get(k * 0x1_0000_0100L)).isEqualTo(model.get(k * 0x1_0000_0100L));
        }
    }
}
