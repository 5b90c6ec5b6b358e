package dev.podbgp.bfd.wire;

import java.util.Objects;

/** What {@link ControlPacketCodec#decode} made of a datagram's payload. */
public sealed interface DecodeResult permits DecodeResult.Decoded, Discarded {

    /**
     * A packet that passed every check the bytes allow.
     *
     * @param wire the packet's Length bytes as received: authentication hashes them (§6.7.4)
     */
    record Decoded(ControlPacket packet, Octets wire) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(packet, "packet");
            Objects.requireNonNull(wire, "wire");
        }
    }

    /** The packet, or a failed assertion: for tests and callers that already checked. */
    default ControlPacket orThrow() {
        return switch (this) {
            case Decoded d -> d.packet();
            case Discarded d -> throw new IllegalStateException("discarded: " + d);
        };
    }
}
