package dev.podbgp.rib.out;

import java.util.List;

/**
 * Where the encoded UPDATEs of one session go: in the daemon, that session's channel. It is fixed
 * for the session, so bytes encoded for one session (its 4-octet AS, ADD-PATH and next-hop
 * encoding) can never reach the session that replaced it. Called on the RIB thread; must not block.
 */
public interface SessionOutput {

    /** Whether the channel takes more now; a blocked peer collects prefixes instead (DESIGN "Threads"). */
    boolean isWritable();

    /** Writes these messages; the list and its arrays are shared with other peers and must not change. */
    void write(List<byte[]> messages);

    /** Always writable, writes nowhere: for callers whose {@link OutputSink} takes the bytes itself. */
    SessionOutput DISCARD = new SessionOutput() {
        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void write(List<byte[]> messages) {
        }
    };
}
