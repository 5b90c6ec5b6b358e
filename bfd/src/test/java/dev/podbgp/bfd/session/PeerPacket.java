package dev.podbgp.bfd.session;

import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.bfd.wire.ControlPacket;
import java.util.Optional;

/**
 * What the peer of {@link SessionFixture} sends: by default Detect Mult 3, 50 ms both ways, its
 * discriminator {@link SessionFixture#PEER_DISCR} and ours echoed back.
 */
final class PeerPacket {

    private final BfdState state;
    private int diag;
    private boolean poll;
    private boolean fin;
    private boolean controlPlaneIndependent;
    private boolean demand;
    private int detectMult = 3;
    private int your = SessionFixture.LOCAL_DISCR;
    private long txMicros = 50_000;
    private long rxMicros = 50_000;

    private PeerPacket(BfdState state) {
        this.state = state;
    }

    static PeerPacket of(BfdState state) {
        return new PeerPacket(state);
    }

    /** The first packet of a peer that does not know us yet: Down, Your Discriminator 0. */
    static PeerPacket hello() {
        return new PeerPacket(BfdState.DOWN).your(0);
    }

    PeerPacket diag(int code) {
        diag = code;
        return this;
    }

    PeerPacket poll() {
        poll = true;
        return this;
    }

    PeerPacket fin() {
        fin = true;
        return this;
    }

    PeerPacket controlPlaneIndependent() {
        controlPlaneIndependent = true;
        return this;
    }

    PeerPacket demand() {
        demand = true;
        return this;
    }

    PeerPacket detectMult(int mult) {
        detectMult = mult;
        return this;
    }

    PeerPacket your(int discriminator) {
        your = discriminator;
        return this;
    }

    PeerPacket txMillis(long millis) {
        txMicros = millis * 1000;
        return this;
    }

    PeerPacket rxMillis(long millis) {
        rxMicros = millis * 1000;
        return this;
    }

    ControlPacket packet() {
        return new ControlPacket(diag, state, poll, fin, controlPlaneIndependent, demand, detectMult,
                SessionFixture.PEER_DISCR, your, txMicros, rxMicros, 0, Optional.empty());
    }
}
