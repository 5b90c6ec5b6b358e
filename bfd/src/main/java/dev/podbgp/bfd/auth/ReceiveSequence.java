package dev.podbgp.bfd.auth;

/**
 * bfd.RcvAuthSeq and bfd.AuthSeqKnown (RFC 5880 §6.8.1) and the replay window of §6.7.4: once a
 * sequence number is known, Keyed SHA1 accepts RcvAuthSeq to RcvAuthSeq + 3 × Detect Mult and
 * Meticulous Keyed SHA1 RcvAuthSeq + 1 to RcvAuthSeq + 3 × Detect Mult, in 32-bit circular space.
 */
final class ReceiveSequence {

    private boolean known;
    private int last;

    boolean inWindow(int sequence, int detectMult, boolean meticulous) {
        if (!known) {
            return true;
        }
        long ahead = Integer.toUnsignedLong(sequence - last);
        long limit = 3L * detectMult;
        return ahead <= limit && (!meticulous || ahead >= 1);
    }

    /** Only for a packet whose hash matched (RFC 5880 erratum 7083): a forged one must not move the window. */
    void accept(int sequence) {
        known = true;
        last = sequence;
    }

    /** §6.8.1: nothing received for twice the Detection Time; the next good packet starts a new window. */
    void forget() {
        known = false;
    }

    boolean known() {
        return known;
    }
}
