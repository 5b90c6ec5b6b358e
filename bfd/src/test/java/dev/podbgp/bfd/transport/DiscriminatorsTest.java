package dev.podbgp.bfd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DiscriminatorsTest {

    @Test
    void rfc5880_s6_8_1_discriminatorsAreNonZeroAndUnique() {
        // A generator that repeats itself and offers 0: both must be passed over.
        int[] values = {0, 5, 5, 0, 9};
        int[] next = {0};
        Discriminators discriminators = new Discriminators(new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public int nextInt() {
                return values[next[0]++];
            }
        });
        assertThat(discriminators.take()).isEqualTo(5);
        assertThat(discriminators.take()).isEqualTo(9);
        discriminators.release(5);
        next[0] = 1;
        assertThat(discriminators.take()).isEqualTo(5);
    }
}
