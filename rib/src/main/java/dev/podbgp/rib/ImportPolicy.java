package dev.podbgp.rib;

import dev.podbgp.inet.Prefix;

/**
 * Import policy, applied to every announced route before it enters the peer's Adj-RIB-In
 * (RFC 4271 §9.1.1: the Adj-RIB-In holds routes after inbound policy). Implemented in
 * {@code dev.podbgp.rib.policy}; the RIB only calls it.
 */
@FunctionalInterface
public interface ImportPolicy {

    /** Accepts every route unchanged. */
    ImportPolicy ACCEPT_ALL = (peer, prefix, route) -> route;

    /**
     * @return the route to store, possibly with modified attributes or next hop, or {@code null}
     *     to reject it (a rejected route withdraws an earlier one with the same path id)
     */
    Route apply(PeerInfo peer, Prefix prefix, Route route);
}
