package dev.podbgp.inet;

/**
 * Hash codes for the address and prefix records. A record's generated hash is {@code 31 * a + b}:
 * for a run of /24s (addresses 256 apart, as every full-table feed sends them) it keeps the low
 * eight bits equal, and {@code HashMap}'s spread of the high half into the low half does not
 * undo it. A million /24s then share 65 thousand buckets of a two-million-bucket table, every
 * bucket a red-black tree. Mixing every input bit into every output bit (the finaliser of
 * SplitMix64) spreads them as random keys would.
 */
final class ValueHash {
    private ValueHash() {
    }

    static int of(long value) {
        long h = (value ^ (value >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D0_49BB_1331_11EBL;
        h ^= h >>> 31;
        return (int) h ^ (int) (h >>> 32);
    }

    static int of(long high, long low, int length) {
        return of(of(high) * 0x9E37_79B9_7F4A_7C15L ^ low ^ ((long) length << 56));
    }
}
