package dev.podbgp.bgp.wire;

/**
 * Writes big-endian fields into a byte array that the caller sized exactly beforehand
 * (every encodable element reports its length first). Running past the end is a bug in a
 * length computation and throws.
 */
public final class WireWriter {
    private final byte[] buf;
    private int pos;

    public WireWriter(byte[] buf, int offset) {
        this.buf = buf;
        this.pos = offset;
    }

    public WireWriter(int size) {
        this(new byte[size], 0);
    }

    public WireWriter u8(int v) {
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u32(long v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u64(long v) {
        u32(v >>> 32);
        return u32(v);
    }

    public WireWriter bytes(byte[] src) {
        return bytes(src, 0, src.length);
    }

    public WireWriter bytes(byte[] src, int offset, int length) {
        System.arraycopy(src, offset, buf, pos, length);
        pos += length;
        return this;
    }

    /** Writes a u16 at an earlier position, for lengths known only after the body. */
    public void patchU16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    public int position() {
        return pos;
    }

    public byte[] array() {
        return buf;
    }

    /** The whole array, checked to be exactly full: the length computation was right. */
    public byte[] toByteArray() {
        if (pos != buf.length) {
            throw new IllegalStateException("encoded " + pos + " bytes into a buffer sized " + buf.length);
        }
        return buf;
    }
}
