package dev.podbgp.config.state;

/**
 * A setting of a peer that can change on reload, and whether the session must be reset for it.
 * Settings carried in OPEN or in the TCP connection need a new session; settings that only
 * decide which routes are accepted or sent are re-evaluated in place (with a route refresh,
 * RFC 2918, for import).
 */
public enum PeerField {
    ASN(true),
    LOCAL_ADDRESS(true),
    PORT(true),
    /** TCP MD5 keys are set per connection (RFC 2385). */
    PASSWORD(true),
    /** The hold time is negotiated in OPEN (RFC 4271 §4.2). */
    TIMERS(true),
    /** Multiprotocol capabilities are exchanged in OPEN (RFC 4760 §8). */
    FAMILIES(true),
    TTL(true),
    PASSIVE(true),
    /** The graceful-restart capability is in OPEN (RFC 4724 §3); it is node-wide but resets each session. */
    GRACEFUL_RESTART(true),
    /** The import policy's name or its rules: re-evaluate Adj-RIB-In, route refresh. */
    IMPORT_POLICY(false),
    /** The export policy's name or its rules: recompute Adj-RIB-Out. */
    EXPORT_POLICY(false),
    MAX_PREFIX(false),
    ROUTE_REFLECTOR_CLIENT(false),
    NEXT_HOP_SELF(false),
    KIND(false),
    /** BFD runs beside the session; its settings change the BFD session only. */
    BFD(false),
    /** Our next hops are chosen once, when the session comes up (the addresses on its interface). */
    NEXT_HOP(true);

    private final boolean resetsSession;

    PeerField(boolean resetsSession) {
        this.resetsSession = resetsSession;
    }

    public boolean resetsSession() {
        return resetsSession;
    }
}
