package dev.podbgp.bgp.wire;

/**
 * One thing wrong with a received message: the NOTIFICATION it warrants (error and data,
 * RFC 4271 §6) and what the receiver does about it (RFC 7606 action). {@code reason} is for
 * logs and operators, never for the wire.
 */
public record Malformation(BgpError error, ErrorAction action, byte[] data, String reason) {

    private static final byte[] NO_DATA = new byte[0];

    public Malformation {
        data = data == null ? NO_DATA : data;
    }

    public static Malformation sessionReset(BgpError error, byte[] data, String reason) {
        return new Malformation(error, ErrorAction.SESSION_RESET, data, reason);
    }

    public static Malformation sessionReset(BgpError error, String reason) {
        return new Malformation(error, ErrorAction.SESSION_RESET, NO_DATA, reason);
    }

    public static Malformation treatAsWithdraw(BgpError error, byte[] data, String reason) {
        return new Malformation(error, ErrorAction.TREAT_AS_WITHDRAW, data, reason);
    }

    public static Malformation discard(BgpError error, byte[] data, String reason) {
        return new Malformation(error, ErrorAction.ATTRIBUTE_DISCARD, data, reason);
    }

    /** The same problem with a stronger (or equal) action, e.g. when RFC 7606 escalates. */
    public Malformation withAction(ErrorAction stronger) {
        return new Malformation(error, action.strongest(stronger), data, reason);
    }

    @Override
    public String toString() {
        return "error=" + error + " code=" + error.code() + "/" + error.subcode() + " action=" + action
                + " reason=\"" + reason + "\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Malformation m && m.error == error && m.action == action
                && java.util.Arrays.equals(m.data, data) && m.reason.equals(reason);
    }

    @Override
    public int hashCode() {
        return error.hashCode() * 31 + action.hashCode();
    }
}
