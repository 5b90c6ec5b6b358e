package dev.podbgp.bgp.wire.message;

/** The BGP message types (RFC 4271 §4.1, RFC 2918 §3). */
public enum MessageType {
    OPEN(1),
    UPDATE(2),
    NOTIFICATION(3),
    KEEPALIVE(4),
    ROUTE_REFRESH(5);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a code, or {@code null} for a code RFC 4271 §6.1 calls "Bad Message Type". */
    public static MessageType of(int code) {
        return code >= 1 && code <= 5 ? values()[code - 1] : null;
    }
}
