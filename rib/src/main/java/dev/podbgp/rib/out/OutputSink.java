package dev.podbgp.rib.out;

/**
 * Where encoded UPDATEs go: the daemon writes them to the peer's channel. The same list (and
 * the same arrays) is handed to every member of an update group that gets the shared output,
 * so it must not be modified; wrapping the arrays without copying is the point.
 */
@FunctionalInterface
public interface OutputSink {

    void write(OutboundPeer peer, java.util.List<byte[]> messages);

    /** Each peer's bytes to its own {@link OutboundPeer#output()}: the daemon's sink. */
    OutputSink TO_PEER_OUTPUT = (peer, messages) -> peer.output().write(messages);
}
