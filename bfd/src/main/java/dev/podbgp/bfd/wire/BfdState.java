package dev.podbgp.bfd.wire;

/**
 * The State (Sta) field of a Control packet (RFC 5880 §4.1), which is also the session state of
 * the §6.2 state machine. The field has two bits and all four values are defined.
 */
public enum BfdState {
    /** The session is held down by its operator; the peer stays in Down meanwhile (§6.2). */
    ADMIN_DOWN(0),
    /** Down, or just created. */
    DOWN(1),
    /** This end hears the peer, and waits for the peer to say it hears this end. */
    INIT(2),
    /** Both ends hear each other. */
    UP(3);

    private static final BfdState[] BY_CODE = {ADMIN_DOWN, DOWN, INIT, UP};

    private final int code;

    BfdState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The state for the two low bits of {@code code}. */
    public static BfdState ofCode(int code) {
        return BY_CODE[code & 0b11];
    }
}
