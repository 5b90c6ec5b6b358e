package dev.podbgp.bfd.auth;

import dev.podbgp.bfd.wire.AuthType;
import dev.podbgp.bfd.wire.ControlPacket;
import dev.podbgp.bfd.wire.DiscardReason;
import dev.podbgp.bfd.wire.Discarded;
import dev.podbgp.bfd.wire.Octets;
import java.util.Optional;

/** bfd.AuthType 0: packets go out without a section, and one that comes with a section is refused. */
enum Unauthenticated implements Authenticator {
    INSTANCE;

    @Override
    public Optional<AuthType> type() {
        return Optional.empty();
    }

    @Override
    public ControlPacket sign(ControlPacket packet) {
        return packet;
    }

    @Override
    public Optional<Discarded> check(ControlPacket packet, Octets wire) {
        return packet.auth().map(section -> new Discarded(DiscardReason.UNEXPECTED_AUTH,
                "A bit set (" + section.type() + ") on a session without authentication"));
    }

    @Override
    public void forgetSequence() {}
}
