package dev.podbgp.bgp.exabgp;

/** The session events ExaBGP reports with {@code "type": "state"} when asked for neighbor-changes. */
public enum NeighborState {
    /** TCP connection made, before OPEN. */
    CONNECTED("connected"),
    /** Session Established. */
    UP("up"),
    /** Connection closed; comes with a reason. */
    DOWN("down");

    private final String json;

    NeighborState(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
