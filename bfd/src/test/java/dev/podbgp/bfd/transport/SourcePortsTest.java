package dev.podbgp.bfd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podbgp.bfd.session.HopMode;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SourcePortsTest {

    @Test
    void rfc5881_s4_everySessionHasItsOwnPortInTheDynamicRange_untilTheRangeIsUsedUp() {
        SourcePorts ports = new SourcePorts(new SplittableRandom(1));
        Set<Integer> seen = new HashSet<>();
        for (OptionalInt p = ports.take(); p.isPresent(); p = ports.take()) {
            assertThat(p.getAsInt()).isBetween(HopMode.SOURCE_PORT_MIN, HopMode.SOURCE_PORT_MAX);
            assertThat(seen.add(p.getAsInt())).as("port %d given twice", p.getAsInt()).isTrue();
        }
        assertThat(seen).hasSize(HopMode.SOURCE_PORT_MAX - HopMode.SOURCE_PORT_MIN + 1);

        ports.release(50000);
        assertThat(ports.take()).hasValue(50000);
    }
}
