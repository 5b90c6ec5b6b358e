package dev.podbgp.bgp.wire.nlri;

/**
 * Receives the prefixes of an {@link Nlri} as primitives; host bits beyond the length are
 * already cleared. {@code pathId} is the RFC 7911 path identifier, 0 when none is carried.
 */
public interface NlriVisitor {

    void ipv4(long pathId, int bits, int length);

    void ipv6(long pathId, long high, long low, int length);
}
