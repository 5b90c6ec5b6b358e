package dev.podbgp.bgp.wire;

/**
 * Every NOTIFICATION error code/subcode pair podbgp sends or names (RFC 4271 §4.5, §6;
 * RFC 4486 and RFC 9384 for Cease; RFC 5492; RFC 7313; RFC 9234). Call sites name an
 * entry, never raw numbers.
 */
public enum BgpError {
    // RFC 4271 §6.1 Message Header Error
    CONNECTION_NOT_SYNCHRONIZED(1, 1),
    BAD_MESSAGE_LENGTH(1, 2),
    BAD_MESSAGE_TYPE(1, 3),
    // RFC 4271 §6.2 OPEN Message Error
    OPEN_UNSPECIFIC(2, 0),
    UNSUPPORTED_VERSION_NUMBER(2, 1),
    BAD_PEER_AS(2, 2),
    BAD_BGP_IDENTIFIER(2, 3),
    UNSUPPORTED_OPTIONAL_PARAMETER(2, 4),
    UNACCEPTABLE_HOLD_TIME(2, 6),
    /** RFC 5492 §5. */
    UNSUPPORTED_CAPABILITY(2, 7),
    /** RFC 9234 §4.2. */
    ROLE_MISMATCH(2, 11),
    // RFC 4271 §6.3 UPDATE Message Error
    MALFORMED_ATTRIBUTE_LIST(3, 1),
    UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE(3, 2),
    MISSING_WELL_KNOWN_ATTRIBUTE(3, 3),
    ATTRIBUTE_FLAGS_ERROR(3, 4),
    ATTRIBUTE_LENGTH_ERROR(3, 5),
    INVALID_ORIGIN_ATTRIBUTE(3, 6),
    INVALID_NEXT_HOP_ATTRIBUTE(3, 8),
    OPTIONAL_ATTRIBUTE_ERROR(3, 9),
    INVALID_NETWORK_FIELD(3, 10),
    MALFORMED_AS_PATH(3, 11),
    // RFC 4271 §6.5
    HOLD_TIMER_EXPIRED(4, 0),
    // RFC 4271 §6.6, RFC 6608 subcodes
    FSM_UNSPECIFIED(5, 0),
    FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT(5, 1),
    FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM(5, 2),
    FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED(5, 3),
    // RFC 4271 §6.7 Cease, subcodes from RFC 4486 / RFC 8538
    CEASE_UNSPECIFIC(6, 0),
    CEASE_MAXIMUM_PREFIXES_REACHED(6, 1),
    CEASE_ADMINISTRATIVE_SHUTDOWN(6, 2),
    CEASE_PEER_DECONFIGURED(6, 3),
    CEASE_ADMINISTRATIVE_RESET(6, 4),
    CEASE_CONNECTION_REJECTED(6, 5),
    CEASE_OTHER_CONFIGURATION_CHANGE(6, 6),
    CEASE_CONNECTION_COLLISION_RESOLUTION(6, 7),
    CEASE_OUT_OF_RESOURCES(6, 8),
    CEASE_HARD_RESET(6, 9),
    CEASE_BFD_DOWN(6, 10),
    // RFC 7313 §5 ROUTE-REFRESH Message Error
    ROUTE_REFRESH_INVALID_MESSAGE_LENGTH(7, 1);

    public static final int CODE_MESSAGE_HEADER = 1;
    public static final int CODE_OPEN = 2;
    public static final int CODE_UPDATE = 3;
    public static final int CODE_HOLD_TIMER = 4;
    public static final int CODE_FSM = 5;
    public static final int CODE_CEASE = 6;
    public static final int CODE_ROUTE_REFRESH = 7;

    private final int code;
    private final int subcode;

    BgpError(int code, int subcode) {
        this.code = code;
        this.subcode = subcode;
    }

    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    /** The entry for a pair, or {@code null} when the pair is not one we name. */
    public static BgpError of(int code, int subcode) {
        for (BgpError e : values()) {
            if (e.code == code && e.subcode == subcode) {
                return e;
            }
        }
        return null;
    }
}
