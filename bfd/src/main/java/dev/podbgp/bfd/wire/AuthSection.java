package dev.podbgp.bfd.wire;

/**
 * The optional authentication section of a Control packet (RFC 5880 §4.1), present when the A bit
 * is set. Every form starts with Auth Type, Auth Len and Auth Key ID.
 */
public sealed interface AuthSection permits AuthSection.Password, AuthSection.Digest {

    AuthType type();

    /** Auth Key ID: which of the shared keys the sender used. */
    int keyId();

    /** Auth Len: the bytes of the whole section. */
    int length();

    /** §4.2 Simple Password: the password itself, 1 to 16 bytes. */
    record Password(int keyId, Octets password) implements AuthSection {
        public static final int MIN_PASSWORD = 1;
        public static final int MAX_PASSWORD = 16;

        public Password {
            checkKeyId(keyId);
            if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
                throw new IllegalArgumentException("a simple password has 1 to 16 bytes, not " + password.length());
            }
        }

        @Override
        public AuthType type() {
            return AuthType.SIMPLE_PASSWORD;
        }

        @Override
        public int length() {
            return 3 + password.length();
        }

        /** Never the password: sections end up in log lines. */
        @Override
        public String toString() {
            return "Password[keyId=" + keyId + "]";
        }
    }

    /**
     * §4.3 (Keyed MD5) and §4.4 (Keyed SHA1), meticulous or not: one layout, Auth Type, Auth Len,
     * Auth Key ID, a reserved byte, the Sequence Number and the digest.
     *
     * @param sequence an unsigned 32-bit number kept in an int; compare it circularly
     */
    record Digest(AuthType type, int keyId, int sequence, Octets digest) implements AuthSection {
        /** Auth Type, Auth Len, Auth Key ID, Reserved, Sequence Number. */
        public static final int HEADER = 8;

        public Digest {
            if (!type.keyed()) {
                throw new IllegalArgumentException(type + " has no digest");
            }
            checkKeyId(keyId);
            if (digest.length() != type.digestLength()) {
                throw new IllegalArgumentException(
                        type + " carries " + type.digestLength() + " digest bytes, not " + digest.length());
            }
        }

        @Override
        public int length() {
            return HEADER + digest.length();
        }

        public Digest withDigest(Octets value) {
            return new Digest(type, keyId, sequence, value);
        }
    }

    private static void checkKeyId(int keyId) {
        if (keyId < 0 || keyId > 0xff) {
            throw new IllegalArgumentException("Auth Key ID is one byte, not " + keyId);
        }
    }
}
