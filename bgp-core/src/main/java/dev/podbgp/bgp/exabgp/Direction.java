package dev.podbgp.bgp.exabgp;

/** Which way a message went, as ExaBGP's {@code "direction"} names it. */
public enum Direction {
    RECEIVE("receive"),
    SEND("send"),
    /** What {@code exabgp --decode} prints for bytes given on its command line. */
    DECODE("in");

    private final String json;

    Direction(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
