package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.session.HopMode;
import java.util.BitSet;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The UDP source ports of this transport's sessions (RFC 5881 §4): in 49152–65535, one per
 * session, never two sessions on the same one even on different local addresses (the RFC's
 * SHOULD). The search starts at a random port, so a restarted daemon rarely meets the ports
 * of its previous run still held by the kernel. Event-loop confined.
 */
final class SourcePorts {

    private static final int RANGE = HopMode.SOURCE_PORT_MAX - HopMode.SOURCE_PORT_MIN + 1;

    private final BitSet taken = new BitSet(RANGE);
    private final RandomGenerator random;

    SourcePorts(RandomGenerator random) {
        this.random = random;
    }

    /** A port no session of ours holds, now taken; empty when all 16384 are. */
    OptionalInt take() {
        int i = taken.nextClearBit(random.nextInt(RANGE));
        if (i >= RANGE) {
            i = taken.nextClearBit(0);
        }
        if (i >= RANGE) {
            return OptionalInt.empty();
        }
        taken.set(i);
        return OptionalInt.of(HopMode.SOURCE_PORT_MIN + i);
    }

    void release(int port) {
        taken.clear(port - HopMode.SOURCE_PORT_MIN);
    }
}
