package dev.podbgp.rib.out;

/** Why a route is not sent to a peer; each names the rule that stopped it. */
public enum Suppression {
    /** The best route came from this very peer (split horizon). */
    SOURCE_PEER,
    /** RFC 4271 §9.2: iBGP-learned routes are not passed to other iBGP peers (no reflection). */
    IBGP_SPLIT_HORIZON,
    /** RFC 4456 §6: a route from a non-client is reflected to clients only. */
    NON_CLIENT_TO_NON_CLIENT,
    /** RFC 1997: NO_ADVERTISE, to no peer at all. */
    NO_ADVERTISE,
    /** RFC 1997: NO_EXPORT, to no eBGP peer. */
    NO_EXPORT,
    /** RFC 1997: NO_EXPORT_SUBCONFED, to no eBGP peer (no confederations here). */
    NO_EXPORT_SUBCONFED,
    /** The pod-CIDR safe defaults ({@link dev.podbgp.rib.policy.ExportScope}). */
    EXPORT_SCOPE,
    /** The peer's export policy rejected it. */
    EXPORT_POLICY,
    /** The session did not negotiate the prefix's family. */
    FAMILY_NOT_NEGOTIATED,
    /**
     * No next hop the peer can use: no address of ours of the prefix's family on the session (neither the
     * session's own, nor one found on its interface, nor a configured {@code nextHop}), or IPv6 for IPv4
     * without RFC 8950.
     */
    NO_USABLE_NEXT_HOP
}
