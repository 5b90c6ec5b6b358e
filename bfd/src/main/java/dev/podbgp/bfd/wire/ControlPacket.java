package dev.podbgp.bfd.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * A BFD Control packet (RFC 5880 §4.1). Version is always 1 and the Multipoint bit always 0
 * (the decoder discards anything else, §6.8.6); the A bit is the presence of {@code auth} and the
 * Length follows from it.
 *
 * <p>Discriminators are opaque 32-bit values kept in an int. Intervals are unsigned 32-bit counts
 * of microseconds, as on the wire.
 *
 * @param diag                    the Diag field, 0 to 31; {@link #diagnostic()} names it
 * @param poll                    P: the sender asks for an answer with F (§6.5)
 * @param fin                     F: the sender answers a packet that had P
 * @param controlPlaneIndependent C: the sender's BFD does not share fate with its control plane
 * @param demand                  D: the sender wants no periodic packets (§6.6)
 * @param detectMult              Detect Mult, 1 to 255
 * @param myDiscriminator         the sender's discriminator, never 0
 * @param yourDiscriminator       the receiver's discriminator as last heard by the sender, or 0
 * @param desiredMinTxMicros      Desired Min TX Interval
 * @param requiredMinRxMicros     Required Min RX Interval; 0 means "send me no periodic packets"
 * @param requiredMinEchoRxMicros Required Min Echo RX Interval; 0 means "I do not loop Echo back"
 */
public record ControlPacket(
        int diag,
        BfdState state,
        boolean poll,
        boolean fin,
        boolean controlPlaneIndependent,
        boolean demand,
        int detectMult,
        int myDiscriminator,
        int yourDiscriminator,
        long desiredMinTxMicros,
        long requiredMinRxMicros,
        long requiredMinEchoRxMicros,
        Optional<AuthSection> auth) {

    public static final int VERSION = 1;
    /** The mandatory section: the whole packet when the A bit is clear. */
    public static final int MANDATORY_LENGTH = 24;
    /** §6.8.6: with the A bit set, at least Auth Type and Auth Len follow the mandatory section. */
    public static final int MIN_AUTHENTICATED_LENGTH = MANDATORY_LENGTH + 2;
    public static final long MAX_INTERVAL_MICROS = 0xFFFF_FFFFL;

    public ControlPacket {
        if (diag < 0 || diag > 31) {
            throw new IllegalArgumentException("Diag is five bits, not " + diag);
        }
        Objects.requireNonNull(state, "state");
        if (detectMult < 1 || detectMult > 0xff) {
            throw new IllegalArgumentException("Detect Mult is 1 to 255, not " + detectMult);
        }
        if (myDiscriminator == 0) {
            throw new IllegalArgumentException("My Discriminator must not be zero (RFC 5880 §4.1)");
        }
        checkInterval("Desired Min TX Interval", desiredMinTxMicros);
        checkInterval("Required Min RX Interval", requiredMinRxMicros);
        checkInterval("Required Min Echo RX Interval", requiredMinEchoRxMicros);
        Objects.requireNonNull(auth, "auth");
    }

    /** The named Diag, or empty for a code RFC 5880 does not assign. */
    public Optional<Diagnostic> diagnostic() {
        return Diagnostic.ofCode(diag);
    }

    /** The A bit. */
    public boolean authenticated() {
        return auth.isPresent();
    }

    /** The Length field: the mandatory section and the authentication section, if any. */
    public int length() {
        return MANDATORY_LENGTH + auth.map(AuthSection::length).orElse(0);
    }

    public ControlPacket withAuth(AuthSection section) {
        return new ControlPacket(diag, state, poll, fin, controlPlaneIndependent, demand, detectMult, myDiscriminator,
                yourDiscriminator, desiredMinTxMicros, requiredMinRxMicros, requiredMinEchoRxMicros, Optional.of(section));
    }

    /** One line for logs; discriminators unsigned, as peers print them. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Control[").append(state).append(" diag=").append(diag);
        if (poll) {
            s.append(" P");
        }
        if (fin) {
            s.append(" F");
        }
        if (controlPlaneIndependent) {
            s.append(" C");
        }
        if (demand) {
            s.append(" D");
        }
        s.append(" mult=").append(detectMult)
                .append(" my=").append(Integer.toUnsignedString(myDiscriminator))
                .append(" your=").append(Integer.toUnsignedString(yourDiscriminator))
                .append(" tx=").append(desiredMinTxMicros).append("us")
                .append(" rx=").append(requiredMinRxMicros).append("us")
                .append(" echo=").append(requiredMinEchoRxMicros).append("us");
        auth.ifPresent(a -> s.append(" auth=").append(a));
        return s.append(']').toString();
    }

    private static void checkInterval(String field, long micros) {
        if (micros < 0 || micros > MAX_INTERVAL_MICROS) {
            throw new IllegalArgumentException(field + " is an unsigned 32-bit count of microseconds, not " + micros);
        }
    }
}
