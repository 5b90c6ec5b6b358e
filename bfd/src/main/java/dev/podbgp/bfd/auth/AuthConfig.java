package dev.podbgp.bfd.auth;

import dev.podbgp.bfd.wire.AuthType;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How one session authenticates (RFC 5880 §6.7): bfd.AuthType, the keys it accepts, and the one it
 * signs with. Several keys allow a key roll: both ends accept the new key before either sends it.
 */
public record AuthConfig(AuthType type, List<AuthKey> keys, int sendKeyId) {

    public AuthConfig {
        Objects.requireNonNull(type, "type");
        if (type != AuthType.KEYED_SHA1 && type != AuthType.METICULOUS_KEYED_SHA1) {
            throw new IllegalArgumentException(
                    type + " is not supported; use KEYED_SHA1 or METICULOUS_KEYED_SHA1 (RFC 5880 §6.7)");
        }
        keys = List.copyOf(keys);
        Set<Integer> ids = new HashSet<>();
        for (AuthKey key : keys) {
            if (!ids.add(key.id())) {
                throw new IllegalArgumentException("Auth Key ID " + key.id() + " configured twice");
            }
        }
        if (!ids.contains(sendKeyId)) {
            throw new IllegalArgumentException("the sending key " + sendKeyId + " is not among the configured keys " + ids);
        }
    }

    /** One key, used both ways. */
    public static AuthConfig of(AuthType type, AuthKey key) {
        return new AuthConfig(type, List.of(key), key.id());
    }

    public Optional<AuthKey> key(int id) {
        return keys.stream().filter(k -> k.id() == id).findFirst();
    }

    public AuthKey sendKey() {
        return key(sendKeyId).orElseThrow();
    }
}
