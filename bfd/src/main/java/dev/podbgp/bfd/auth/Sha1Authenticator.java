package dev.podbgp.bfd.auth;

import dev.podbgp.bfd.wire.AuthSection;
import dev.podbgp.bfd.wire.AuthType;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.DiscardReason;
import dev.podbgp.bfd.wire.Discarded;
import dev.podbgp.bfd.wire.Octets;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Keyed SHA1 and Meticulous Keyed SHA1 for one session (RFC 5880 §6.7.4).
 *
 * <p>bfd.XmitAuthSeq starts at a random value (§6.8.1). Meticulous raises it with every packet.
 * Keyed SHA1 raises it "occasionally"; here, whenever what the packet says changes (state, diag,
 * intervals, discriminators), so a captured packet cannot be replayed to announce an old state,
 * while the P and F bits of polls, which come and go, do not count.
 */
final class Sha1Authenticator implements Authenticator {

    private final AuthConfig config;
    private final ReceiveSequence received = new ReceiveSequence();
    private int transmitSequence;
    private ControlPacket lastContent;

    Sha1Authenticator(AuthConfig config, RandomGenerator random) {
        this.config = config;
        this.transmitSequence = random.nextInt();
    }

    @Override
    public Optional<AuthType> type() {
        return Optional.of(config.type());
    }

    @Override
    public ControlPacket sign(ControlPacket packet) {
        boolean meticulous = config.type().meticulous();
        ControlPacket content = withoutPollAndFinal(packet);
        if (!meticulous && lastContent != null && !lastContent.equals(content)) {
            transmitSequence++;
        }
        lastContent = content;
        ControlPacket signed = KeyedSha1.sign(packet, config.type(), config.sendKey(), transmitSequence);
        if (meticulous) {
            transmitSequence++;
        }
        return signed;
    }

    /** §6.7.4 reception, in its order: type, key, sequence window, hash. Auth Len was the decoder's. */
    @Override
    public Optional<Discarded> check(ControlPacket packet, Octets wire) {
        if (packet.auth().isEmpty()) {
            return refuse(DiscardReason.MISSING_AUTH, "A bit clear on a session using " + config.type());
        }
        AuthSection section = packet.auth().get();
        if (section.type() != config.type()) {
            return refuse(DiscardReason.AUTH_TYPE_MISMATCH, section.type() + " on a session using " + config.type());
        }
        AuthSection.Digest digest = (AuthSection.Digest) section;
        Optional<AuthKey> key = config.key(digest.keyId());
        if (key.isEmpty()) {
            return refuse(DiscardReason.UNKNOWN_KEY_ID, "Auth Key ID " + digest.keyId() + " is not configured");
        }
        if (!received.inWindow(digest.sequence(), packet.detectMult(), config.type().meticulous())) {
            return refuse(DiscardReason.SEQUENCE_OUT_OF_WINDOW, "sequence " + Integer.toUnsignedString(digest.sequence())
                    + " outside the window of Detect Mult " + packet.detectMult());
        }
        if (!KeyedSha1.verify(wire, key.get())) {
            return refuse(DiscardReason.DIGEST_MISMATCH, "hash does not match key " + digest.keyId());
        }
        received.accept(digest.sequence());
        return Optional.empty();
    }

    @Override
    public void forgetSequence() {
        received.forget();
    }

    private static Optional<Discarded> refuse(DiscardReason reason, String detail) {
        return Optional.of(new Discarded(reason, detail));
    }

    private static ControlPacket withoutPollAndFinal(ControlPacket p) {
        return new ControlPacket(p.diag(), p.state(), false, false, p.controlPlaneIndependent(), p.demand(), p.detectMult(),
                p.myDiscriminator(), p.yourDiscriminator(), p.desiredMinTxMicros(), p.requiredMinRxMicros(),
                p.requiredMinEchoRxMicros(), p.auth());
    }
}
