package dev.podbgp.bgp.wire.attr;

import dev.podbgp.bgp.wire.ErrorAction;

/**
 * The path attributes podbgp understands: type code, the Optional/Transitive flags they
 * must carry (RFC 4271 §5, RFC 7606 §3 c), what to do when one is malformed (the RFC 7606
 * §7 clause is named on each row) and, where it differs, what to do when only its flags are
 * wrong.
 */
public enum AttributeType {
    /** RFC 7606 §7.1. */
    ORIGIN(1, Kind.WELL_KNOWN, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.2. */
    AS_PATH(2, Kind.WELL_KNOWN, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.3. */
    NEXT_HOP(3, Kind.WELL_KNOWN, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.4. */
    MULTI_EXIT_DISC(4, Kind.OPTIONAL_NON_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.5. */
    LOCAL_PREF(5, Kind.WELL_KNOWN, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.6. */
    ATOMIC_AGGREGATE(6, Kind.WELL_KNOWN, ErrorAction.ATTRIBUTE_DISCARD),
    /** RFC 7606 §7.7. */
    AGGREGATOR(7, Kind.OPTIONAL_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD),
    /** RFC 7606 §7.8. */
    COMMUNITIES(8, Kind.OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.9. */
    ORIGINATOR_ID(9, Kind.OPTIONAL_NON_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.10. */
    CLUSTER_LIST(10, Kind.OPTIONAL_NON_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW),
    /**
     * RFC 7606 §7.11 and §5.3: a value that does not parse leaves the NLRI unlocated, so the
     * session goes. Wrong flags alone: RFC 7606 §3 c (treat-as-withdraw; RFC 4760 asks nothing
     * else for flags), which §3 j allows because the length, not the flags, frames the value:
     * it still parses and its prefixes are withdrawn with the rest of the UPDATE.
     */
    MP_REACH_NLRI(14, Kind.OPTIONAL_NON_TRANSITIVE, ErrorAction.SESSION_RESET, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.11, §5.3; wrong flags alone: §3 c and §3 j, as for MP_REACH_NLRI. */
    MP_UNREACH_NLRI(15, Kind.OPTIONAL_NON_TRANSITIVE, ErrorAction.SESSION_RESET, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 7606 §7.14. */
    EXTENDED_COMMUNITIES(16, Kind.OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW),
    /** RFC 6793 §6 / RFC 7606 §7.7: AS4 attributes are discarded when malformed. */
    AS4_PATH(17, Kind.OPTIONAL_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD),
    /** RFC 6793 §6. */
    AS4_AGGREGATOR(18, Kind.OPTIONAL_TRANSITIVE, ErrorAction.ATTRIBUTE_DISCARD),
    /** RFC 8092 §6. */
    LARGE_COMMUNITIES(32, Kind.OPTIONAL_TRANSITIVE, ErrorAction.TREAT_AS_WITHDRAW);

    public static final int FLAG_OPTIONAL = 0x80;
    public static final int FLAG_TRANSITIVE = 0x40;
    public static final int FLAG_PARTIAL = 0x20;
    public static final int FLAG_EXTENDED_LENGTH = 0x10;

    /** Category by flags (RFC 4271 §5). */
    public enum Kind {
        WELL_KNOWN(FLAG_TRANSITIVE),
        OPTIONAL_TRANSITIVE(FLAG_OPTIONAL | FLAG_TRANSITIVE),
        OPTIONAL_NON_TRANSITIVE(FLAG_OPTIONAL);

        final int flags;

        Kind(int flags) {
            this.flags = flags;
        }
    }

    private static final AttributeType[] BY_CODE = new AttributeType[256];

    static {
        for (AttributeType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final Kind kind;
    private final ErrorAction onMalformed;
    private final ErrorAction onBadFlags;

    AttributeType(int code, Kind kind, ErrorAction onMalformed) {
        this(code, kind, onMalformed, onMalformed);
    }

    AttributeType(int code, Kind kind, ErrorAction onMalformed, ErrorAction onBadFlags) {
        this.code = code;
        this.kind = kind;
        this.onMalformed = onMalformed;
        this.onBadFlags = onBadFlags;
    }

    public int code() {
        return code;
    }

    /** The Optional and Transitive bits this attribute is sent with. */
    public int flags() {
        return kind.flags;
    }

    public ErrorAction onMalformed() {
        return onMalformed;
    }

    /** The action when the Optional/Transitive bits are wrong but the value may be sound. */
    public ErrorAction onBadFlags() {
        return onBadFlags;
    }

    /** MP_REACH_NLRI and MP_UNREACH_NLRI: the value holds prefixes a treat-as-withdraw must find. */
    public boolean carriesNlri() {
        return this == MP_REACH_NLRI || this == MP_UNREACH_NLRI;
    }

    /** True when the received flags carry the Optional/Transitive bits this type requires. */
    public boolean flagsMatch(int receivedFlags) {
        return (receivedFlags & (FLAG_OPTIONAL | FLAG_TRANSITIVE)) == kind.flags;
    }

    /** The known type for a code, or {@code null}. */
    public static AttributeType of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
