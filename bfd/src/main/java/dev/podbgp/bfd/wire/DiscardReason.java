package dev.podbgp.bfd.wire;

/**
 * Every reason RFC 5880 gives to discard a received Control packet, one row per rule, with the
 * clause that states it. The first group needs only the bytes and is checked by
 * {@link ControlPacketCodec#decode}; the second needs the session (its discriminator, its peer,
 * its state); the third needs its authentication settings.
 */
public enum DiscardReason {

    // ---- the bytes alone (decoder)

    /** Too few bytes to read the fields the §6.8.6 checks look at. */
    TRUNCATED("§6.8.6"),
    /** §6.8.6: "If the version number is not correct (1)". */
    BAD_VERSION("§6.8.6"),
    /** §6.8.6: Length below 24, or below 26 with the A bit set. */
    LENGTH_BELOW_MINIMUM("§6.8.6"),
    /** §6.8.6: Length greater than the payload of the encapsulating protocol. */
    LENGTH_EXCEEDS_PAYLOAD("§6.8.6"),
    /** §6.8.6: Detect Mult is zero. */
    ZERO_DETECT_MULT("§6.8.6"),
    /** §6.8.6, §4.1: the Multipoint bit is set. */
    MULTIPOINT("§6.8.6"),
    /** §6.8.6: My Discriminator is zero. */
    ZERO_MY_DISCRIMINATOR("§6.8.6"),
    /** §6.8.6: Your Discriminator is zero and the State is neither Down nor AdminDown. */
    ZERO_YOUR_DISCRIMINATOR("§6.8.6"),
    /** §4.1: the Auth Len runs past the packet's Length. */
    AUTH_SECTION_TRUNCATED("§4.1"),
    /** §4.1: Auth Type 0 (reserved) or 6 to 255 (unassigned). */
    UNKNOWN_AUTH_TYPE("§4.1"),
    /** §6.7.2, §6.7.3, §6.7.4: the Auth Len is not the one the Auth Type requires. */
    BAD_AUTH_LENGTH("§6.7"),

    // ---- the session

    /** §6.8.6: Your Discriminator is not zero and selects no session (here: not this one). */
    UNKNOWN_DISCRIMINATOR("§6.8.6"),
    /**
     * §6.8.6, RFC 5881 §3, RFC 5883 §4: Your Discriminator is zero and the addressing does not
     * select this session (the source is not its peer).
     */
    UNKNOWN_SOURCE("§6.8.6"),
    /** §6.8.6: the session is AdminDown; the packet only updates what is known of the peer. */
    ADMIN_DOWN("§6.8.6"),

    // ---- authentication

    /** §6.8.6: the A bit is set and the session uses no authentication. */
    UNEXPECTED_AUTH("§6.8.6"),
    /** §6.8.6: the A bit is clear and the session uses authentication. */
    MISSING_AUTH("§6.8.6"),
    /** §6.7.2–§6.7.4: the Auth Type is not bfd.AuthType. */
    AUTH_TYPE_MISMATCH("§6.7"),
    /** §6.7.4: the Auth Key ID names no configured key. */
    UNKNOWN_KEY_ID("§6.7.4"),
    /** §6.7.4: the Sequence Number is outside the window after bfd.RcvAuthSeq (a replay, or too old). */
    SEQUENCE_OUT_OF_WINDOW("§6.7.4"),
    /** §6.7.4: the SHA1 hash does not match. */
    DIGEST_MISMATCH("§6.7.4");

    private final String clause;

    DiscardReason(String clause) {
        this.clause = clause;
    }

    /** The RFC 5880 section (or the RFC 5881/5883 one beside it) that states the rule. */
    public String clause() {
        return clause;
    }
}
