package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.SessionCapabilities;
import dev.podbgp.bgp.wire.WireWriter;

/** An attribute whose value is one unsigned 32-bit number (MULTI_EXIT_DISC, LOCAL_PREF): four octets on the wire. */
public sealed interface U32Attribute extends PathAttribute permits MultiExitDisc, LocalPref {

    long value();

    @Override
    default int valueLength(SessionCapabilities caps) {
        return 4;
    }

    @Override
    default void writeValue(WireWriter out, SessionCapabilities caps) {
        out.u32(value());
    }

    /** Checks a value for {@code name}'s 32 bits, for the records' constructors. */
    static void checkRange(String name, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " " + value + " is outside 0..4294967295");
        }
    }
}
