package dev.podbgp.rib;

/** Receives {@link PeerNotice}s on the RIB thread; like {@link RibListener} it must not call back into the RIB. */
@FunctionalInterface
public interface PeerNoticeListener {

    void onPeerNotice(PeerNotice notice);
}
