package dev.podbgp.bfd.auth;

import dev.podbgp.bfd.wire.AuthSection;
import dev.podbgp.bfd.wire.AuthType;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.ControlPacketCodec;
import dev.podbgp.bfd.wire.Octets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The hash of RFC 5880 §6.7.4: SHA1 over the whole Control packet with the Auth Key/Hash field
 * holding the key, zero-padded to 20 bytes; the result then replaces the key. Stateless: sequence
 * numbers are {@link Sha1Authenticator}'s business.
 */
public final class KeyedSha1 {

    /** The Auth Key/Hash field: after the mandatory section and the section's own 8-byte header. */
    static final int HASH_AT = ControlPacket.MANDATORY_LENGTH + AuthSection.Digest.HEADER;
    static final int HASH_LENGTH = 20;

    private KeyedSha1() {}

    /** {@code packet} with a Keyed SHA1 section of {@code type}, {@code key} and {@code sequence}, hashed. */
    public static ControlPacket sign(ControlPacket packet, AuthType type, AuthKey key, int sequence) {
        AuthSection.Digest section = new AuthSection.Digest(type, key.id(), sequence, Octets.zeros(HASH_LENGTH));
        byte[] wire = ControlPacketCodec.encode(packet.withAuth(section));
        placeKey(wire, key);
        return packet.withAuth(section.withDigest(Octets.of(sha1(wire))));
    }

    /**
     * Whether {@code wire}, a received packet's Length bytes, carries the hash {@code key} gives.
     * Hashes the bytes as received rather than a re-encoding, so a non-zero Reserved byte (ignored
     * on receipt, yet covered by the sender's hash) does not fail a genuine packet.
     */
    public static boolean verify(Octets wire, AuthKey key) {
        byte[] bytes = wire.toByteArray();
        if (bytes.length < HASH_AT + HASH_LENGTH) {
            return false;
        }
        byte[] received = Arrays.copyOfRange(bytes, HASH_AT, HASH_AT + HASH_LENGTH);
        placeKey(bytes, key);
        return MessageDigest.isEqual(received, sha1(bytes));
    }

    private static void placeKey(byte[] wire, AuthKey key) {
        Arrays.fill(wire, HASH_AT, HASH_AT + HASH_LENGTH, (byte) 0);
        key.secret().copyTo(wire, HASH_AT);
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }
}
