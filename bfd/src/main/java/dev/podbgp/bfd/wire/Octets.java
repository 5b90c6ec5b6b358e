package dev.podbgp.bfd.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes with value equality: digests, passwords and received packets held
 * inside records, where a bare {@code byte[]} would compare by identity and could be changed by
 * whoever else holds it.
 */
public final class Octets {

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Octets of(byte[] bytes) {
        return new Octets(bytes.clone());
    }

    public static Octets of(byte[] bytes, int offset, int length) {
        return new Octets(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    public static Octets zeros(int length) {
        return new Octets(new byte[length]);
    }

    /** Hex digits, with or without spaces between them. */
    public static Octets ofHex(String hex) {
        return new Octets(HEX.parseHex(hex.replace(" ", "")));
    }

    public int length() {
        return bytes.length;
    }

    /** The byte at {@code index}, as 0 to 255. */
    public int get(int index) {
        return bytes[index] & 0xff;
    }

    /** A copy the caller may change. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Octets o && Arrays.equals(bytes, o.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
