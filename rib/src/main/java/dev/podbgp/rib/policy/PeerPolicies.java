package dev.podbgp.rib.policy;

/** The two policies of one peer: applied to routes received from it and to routes sent to it. */
public record PeerPolicies(Policy importPolicy, Policy exportPolicy) {

    public static PeerPolicies acceptAll() {
        return new PeerPolicies(Policy.acceptAll("import"), Policy.acceptAll("export"));
    }
}
