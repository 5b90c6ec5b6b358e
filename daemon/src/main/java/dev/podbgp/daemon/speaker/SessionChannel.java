package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.rib.out.SessionOutput;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Established session as Adj-RIB-Out's output: the bytes are handed to the peer's event loop, which drops
 * them if this session has ended meanwhile (a reconnect may negotiate ADD-PATH or 4-octet AS differently).
 * Called on the RIB thread; never blocks.
 */
record SessionChannel(BgpPeer bgp, NegotiatedSession session, AtomicLong updatesOut) implements SessionOutput {

    @Override
    public boolean isWritable() {
        return bgp.isWritable();
    }

    @Override
    public void write(List<byte[]> messages) {
        bgp.sendEncoded(messages, session);
        updatesOut.addAndGet(messages.size());
    }
}
