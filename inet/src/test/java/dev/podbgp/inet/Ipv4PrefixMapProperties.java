package dev.podbgp.inet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The open-addressing map behaves like a HashMap under any mix of puts and removes. */
class Ipv4PrefixMapProperties {

    record Op(boolean put, long key, int value) {
    }

    /**
     * Few distinct keys so that removes hit, and keys 0 and clustered values included.
     * Consecutive /24s (address i << 8) fill adjacent home slots: runs that overlap.
     */
    private static Arbitrary<Long> keys() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 300),
                Arbitraries.integers().between(0, 300).map(i -> (long) i << 8 | 24),
                Arbitraries.integers().between(0, 300).map(i -> (long) i << 16 | 24));
    }

    /** Reads every key {@link #keys()} makes, and visits the map: the same as the model. */
    private static void assertSameAs(Ipv4PrefixMap<Integer> map, Map<Long, Integer> model) {
        for (long k = 0; k <= 300; k++) {
            assertThat(map.get(k)).isEqualTo(model.get(k));
            assertThat(map.get(k << 8 | 24)).isEqualTo(model.get(k << 8 | 24));
            assertThat(map.get(k << 16 | 24)).isEqualTo(model.get(k << 16 | 24));
        }
        Map<Long, Integer> visited = new HashMap<>();
        map.forEach(visited::put);
        assertThat(visited).isEqualTo(model);
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(true, true, false), keys(),
                Arbitraries.integers().between(1, 9)).as(Op::new).list().ofMaxSize(600);
    }

    @Property(tries = 200)
    void behavesLikeAHashMap(@ForAll("ops") List<Op> ops) {
        Ipv4PrefixMap<Integer> map = new Ipv4PrefixMap<>();
        Map<Long, Integer> model = new HashMap<>();
        for (Op op : ops) {
            if (op.put()) {
                assertThat(map.put(op.key(), op.value())).isEqualTo(model.put(op.key(), op.value()));
            } else {
                assertThat(map.remove(op.key())).isEqualTo(model.remove(op.key()));
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        assertSameAs(map, model);
    }

    /** Keys far apart in every bit (the FIB writer's former map's property): puts, removes, then reads and visits. */
    @Property(tries = 300)
    void spreadKeysBehaveLikeAHashMap(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 300) Integer> ops) {
        Ipv4PrefixMap<String> map = new Ipv4PrefixMap<>(4);
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
        assertThat(map.isEmpty()).isEqualTo(model.isEmpty());
        Map<Long, String> seen = new HashMap<>();
        map.forEach(seen::put);
        assertThat(seen).isEqualTo(model);
        for (long k = 0; k < 150; k++) {
            assertThat(map.get(k * 0x1_0000_0100L)).isEqualTo(model.get(k * 0x1_0000_0100L));
        }
    }

    enum Kind { PUT, REMOVE, TRIM }

    record SizedOp(Kind kind, long key, int value) {
    }

    @Provide
    Arbitrary<List<SizedOp>> sizedOps() {
        // Now and then a trim, which may shrink the table under the next puts.
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(12, Kind.PUT), net.jqwik.api.Tuple.of(6, Kind.REMOVE), net.jqwik.api.Tuple.of(1, Kind.TRIM));
        return net.jqwik.api.Combinators.combine(kinds, keys(), Arbitraries.integers().between(1, 9))
                .as(SizedOp::new).list().ofMaxSize(600);
    }

    /** Any initial capacity (no longer a power of two) and trims among the changes: still a HashMap. */
    @Property(tries = 300)
    void anyCapacityAndTrimsBehaveLikeAHashMap(@ForAll @IntRange(min = 0, max = 1000) int expectedSize,
                                              @ForAll("sizedOps") List<SizedOp> ops) {
        Ipv4PrefixMap<Integer> map = new Ipv4PrefixMap<>(expectedSize);
        Map<Long, Integer> model = new HashMap<>();
        for (SizedOp op : ops) {
            switch (op.kind()) {
                case PUT -> assertThat(map.put(op.key(), op.value())).isEqualTo(model.put(op.key(), op.value()));
                case REMOVE -> assertThat(map.remove(op.key())).isEqualTo(model.remove(op.key()));
                case TRIM -> {
                    map.trimToSize();
                    assertThat(map.capacity()).isLessThanOrEqualTo(model.size() * 8 / 5 + 18);
                }
            }
            assertThat(map.size()).isEqualTo(model.size());
            assertThat(map.capacity() * 3L / 4).isGreaterThanOrEqualTo(map.size());
        }
        assertSameAs(map, model);
    }
}
