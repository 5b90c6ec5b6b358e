package dev.podbgp.nd.wire;

/** Big-endian fields of ND messages. */
final class Octets {

    private Octets() {
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | b[off + 1] & 0xff;
    }

    static long u32(byte[] b, int off) {
        return (long) u16(b, off) << 16 | u16(b, off + 2);
    }

    static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
