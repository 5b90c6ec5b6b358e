package dev.podbgp.bfd.wire;

import java.util.Optional;

/**
 * The Auth Type field of the authentication section (RFC 5880 §4.1). Code 0 is reserved and 6 to
 * 255 are unassigned; the decoder discards a section carrying one of those, since no session could
 * accept it (§6.7: the Auth Type must equal bfd.AuthType).
 */
public enum AuthType {
    /** §4.2: a cleartext password of 1 to 16 bytes. */
    SIMPLE_PASSWORD(1, 0),
    /** §4.3: 16-byte MD5 digest, sequence number raised now and then. */
    KEYED_MD5(2, 16),
    /** §4.3: 16-byte MD5 digest, sequence number raised with every packet. */
    METICULOUS_KEYED_MD5(3, 16),
    /** §4.4: 20-byte SHA1 hash, sequence number raised now and then. */
    KEYED_SHA1(4, 20),
    /** §4.4: 20-byte SHA1 hash, sequence number raised with every packet. */
    METICULOUS_KEYED_SHA1(5, 20);

    private final int code;
    private final int digestLength;

    AuthType(int code, int digestLength) {
        this.code = code;
        this.digestLength = digestLength;
    }

    public int code() {
        return code;
    }

    /** The bytes of the Auth Key/Digest or Auth Key/Hash field; 0 for the simple password. */
    public int digestLength() {
        return digestLength;
    }

    /** Whether the section carries a sequence number and a digest (§4.3, §4.4). */
    public boolean keyed() {
        return digestLength > 0;
    }

    /** Meticulous types raise the sequence number with every packet, so a repeat is a replay (§6.7.3, §6.7.4). */
    public boolean meticulous() {
        return this == METICULOUS_KEYED_MD5 || this == METICULOUS_KEYED_SHA1;
    }

    public static Optional<AuthType> ofCode(int code) {
        for (AuthType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
