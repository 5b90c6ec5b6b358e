package dev.podbgp.bfd.transport;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * bfd.LocalDiscr for new sessions (RFC 5880 §6.8.1): non-zero, unique among this transport's
 * sessions, and random, so an off-path attacker cannot guess the Your Discriminator that would
 * select a multihop session. Event-loop confined.
 */
final class Discriminators {

    private final Set<Integer> taken = new HashSet<>();
    private final RandomGenerator random;

    Discriminators(RandomGenerator random) {
        this.random = random;
    }

    int take() {
        while (true) {
            int candidate = random.nextInt();
            if (candidate != 0 && taken.add(candidate)) {
                return candidate;
            }
        }
    }

    void release(int discriminator) {
        taken.remove(discriminator);
    }
}
