package dev.podbgp.k8s.crd;

/** One BGP session in a {@link BGPNodeStatus}. */
public class SessionStatus {
    public String peerAddress;
    public Long peerASN;
    /** RFC 4271 §8.2.2 state name: Idle, Connect, Active, OpenSent, OpenConfirm, Established. */
    public String state;
    public Long prefixesReceived;
    public Long prefixesAdvertised;
    public String lastError;
}
