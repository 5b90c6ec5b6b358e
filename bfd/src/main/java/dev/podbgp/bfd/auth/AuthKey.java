package dev.podbgp.bfd.auth;

import dev.podbgp.bfd.wire.Octets;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One shared SHA1 key (RFC 5880 §4.4, §6.7.4): its Auth Key ID and its secret, 1 to 20 bytes
 * (the hash field is 20 bytes and a shorter key is padded with zeros).
 */
public record AuthKey(int id, Octets secret) {

    public static final int MAX_SECRET = 20;

    public AuthKey {
        if (id < 0 || id > 0xff) {
            throw new IllegalArgumentException("Auth Key ID is one byte, not " + id);
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 1 || secret.length() > MAX_SECRET) {
            throw new IllegalArgumentException("a SHA1 key has 1 to 20 bytes, not " + secret.length());
        }
    }

    /** §6.7.4: the management interface must take ASCII strings. */
    public static AuthKey ofAscii(int id, String secret) {
        for (int i = 0; i < secret.length(); i++) {
            if (secret.charAt(i) > 0x7e || secret.charAt(i) < 0x20) {
                throw new IllegalArgumentException("key " + id + " has a character outside printable ASCII at " + i);
            }
        }
        return new AuthKey(id, Octets.of(secret.getBytes(StandardCharsets.US_ASCII)));
    }

    /** §6.7.4: and should take any binary string in hexadecimal. */
    public static AuthKey ofHex(int id, String hex) {
        return new AuthKey(id, Octets.ofHex(hex));
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "AuthKey[id=" + id + "]";
    }
}
