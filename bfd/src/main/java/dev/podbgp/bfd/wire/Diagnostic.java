package dev.podbgp.bfd.wire;

import java.util.Optional;

/**
 * The Diagnostic (Diag) codes of RFC 5880 §4.1: why the sender's session last changed state.
 * The field has five bits; codes 9 to 31 are not defined by RFC 5880 (later documents assign some),
 * so a {@link ControlPacket} carries the raw code and {@link #ofCode} names the ones listed here.
 */
public enum Diagnostic {
    NO_DIAGNOSTIC(0, "no diagnostic"),
    /** §6.8.4: nothing received for a Detection Time while Init or Up. */
    CONTROL_DETECTION_TIME_EXPIRED(1, "control detection time expired"),
    ECHO_FUNCTION_FAILED(2, "echo function failed"),
    /** §6.8.6: the peer said Down or AdminDown while this end was Init or Up. */
    NEIGHBOR_SIGNALED_SESSION_DOWN(3, "neighbor signaled session down"),
    FORWARDING_PLANE_RESET(4, "forwarding plane reset"),
    /** §6.8.16: taken down because something outside BFD says the path failed. */
    PATH_DOWN(5, "path down"),
    CONCATENATED_PATH_DOWN(6, "concatenated path down"),
    /** §6.8.16: taken down by the operator. */
    ADMINISTRATIVELY_DOWN(7, "administratively down"),
    REVERSE_CONCATENATED_PATH_DOWN(8, "reverse concatenated path down");

    private static final Diagnostic[] BY_CODE = values();

    private final int code;
    private final String label;

    Diagnostic(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** Lower-case words for log lines and {@code show} output. */
    public String label() {
        return label;
    }

    /** The named code, or empty for one RFC 5880 leaves unassigned. */
    public static Optional<Diagnostic> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    /** The label, or {@code "code N"} for an unassigned one: what a log line shows for a peer's Diag. */
    public static String describe(int code) {
        return ofCode(code).map(Diagnostic::label).orElse("code " + code);
    }
}
