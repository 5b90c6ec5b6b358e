package dev.podbgp.bgp.wire.nlri;

import dev.podbgp.inet.Prefix;

/** One prefix with its RFC 7911 path identifier (0 when the session carries none). */
public record NlriEntry(long pathId, Prefix prefix) {

    public NlriEntry {
        if (pathId < 0 || pathId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("path identifier " + pathId + " is outside 0..4294967295");
        }
    }

    public static NlriEntry of(Prefix prefix) {
        return new NlriEntry(0, prefix);
    }

    /** Octets this entry takes on the wire. */
    public int encodedLength(boolean pathIds) {
        return Nlri.entryLength(prefix.length(), pathIds);
    }
}
