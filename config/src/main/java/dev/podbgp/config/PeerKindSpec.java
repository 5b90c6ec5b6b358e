package dev.podbgp.config;

/** How the safe defaults treat a peer (DESIGN.md "Safe defaults"). */
public enum PeerKindSpec {
    /** Another node of the cluster: accepts only prefixes inside the cluster pod CIDRs, no max-prefix by default. */
    MESH,
    /** Anything outside the cluster: max-prefix on by default, no transit unless configured. */
    EXTERNAL
}
