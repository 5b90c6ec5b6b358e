package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.inet.IpAddress;

/**
 * Names one session of a {@link BfdTransport}, from {@code add} to the end of its removal. Equal
 * only to itself: a handle kept after its session was removed never reaches a later session to
 * the same peer, even one that happens to get the same discriminator.
 */
public final class BfdSessionHandle {

    private final IpAddress peer;
    private final HopMode hop;
    private final int localDiscriminator;

    BfdSessionHandle(IpAddress peer, HopMode hop, int localDiscriminator) {
        this.peer = peer;
        this.hop = hop;
        this.localDiscriminator = localDiscriminator;
    }

    public IpAddress peer() {
        return peer;
    }

    public HopMode hop() {
        return hop;
    }

    /** bfd.LocalDiscr, chosen by the transport. */
    public int localDiscriminator() {
        return localDiscriminator;
    }

    @Override
    public String toString() {
        return "bfd[" + peer + " " + hop + " discr=" + Integer.toUnsignedString(localDiscriminator) + "]";
    }
}
