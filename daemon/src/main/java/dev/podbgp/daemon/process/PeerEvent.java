package dev.podbgp.daemon.process;

import dev.podbgp.bgp.exabgp.ExabgpNeighbor;
import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.wire.message.Update;

/** A session event a helper may have asked for; rendered on the helper's own writer thread, not on the event loop. */
public sealed interface PeerEvent {

    ExabgpNeighbor neighbor();

    /** ExaBGP's {@code connected}: TCP is up, our OPEN sent. */
    record Connected(ExabgpNeighbor neighbor) implements PeerEvent {}

    /** ExaBGP's {@code up}, and the {@code negotiated} line that follows it when asked for. */
    record Up(ExabgpNeighbor neighbor, NegotiatedSession negotiated) implements PeerEvent {}

    record Down(ExabgpNeighbor neighbor, String reason) implements PeerEvent {}

    record UpdateReceived(ExabgpNeighbor neighbor, Update update) implements PeerEvent {}
}
