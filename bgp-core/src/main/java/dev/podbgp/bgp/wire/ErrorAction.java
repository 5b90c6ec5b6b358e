package dev.podbgp.bgp.wire;

/**
 * What the receiver does about a malformed message, weakest first (RFC 7606 §2, §3). When
 * an UPDATE has several broken parts the strongest action wins (§3 j).
 */
public enum ErrorAction {
    /** RFC 7606 §2 "attribute discard": drop the attribute, keep the route. */
    ATTRIBUTE_DISCARD,
    /** RFC 7606 §2 "treat-as-withdraw": the UPDATE's NLRI are withdrawn. */
    TREAT_AS_WITHDRAW,
    /** RFC 4760 §7 / RFC 7606 §2 "AFI/SAFI disable": stop using that family on the session. */
    AFI_SAFI_DISABLE,
    /** RFC 4271 §6 / RFC 7606 §2 "session reset": send the NOTIFICATION and close. */
    SESSION_RESET;

    public ErrorAction strongest(ErrorAction other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
