package dev.podbgp.bfd.auth;

import dev.podbgp.bfd.wire.AuthType;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.Discarded;
import dev.podbgp.bfd.wire.Octets;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One session's side of RFC 5880 §6.7: signs what it sends and checks what it receives, with the
 * §6.8.6 rules on the A bit ("set but no authentication in use", "clear but authentication in use").
 * Called only by the session that owns it.
 */
public sealed interface Authenticator permits Unauthenticated, Sha1Authenticator {

    static Authenticator of(Optional<AuthConfig> config, RandomGenerator random) {
        return config.<Authenticator>map(c -> new Sha1Authenticator(c, random)).orElse(Unauthenticated.INSTANCE);
    }

    /** bfd.AuthType; empty for 0, no authentication. */
    Optional<AuthType> type();

    /** {@code packet}, with the authentication section this session sends, if any. */
    ControlPacket sign(ControlPacket packet);

    /**
     * Whether {@code packet} (whose Length bytes are {@code wire}) passes this session's
     * authentication; on success the replay window moves past it.
     */
    Optional<Discarded> check(ControlPacket packet, Octets wire);

    /** §6.8.1: bfd.AuthSeqKnown back to 0 after twice the Detection Time without a packet. */
    void forgetSequence();
}
