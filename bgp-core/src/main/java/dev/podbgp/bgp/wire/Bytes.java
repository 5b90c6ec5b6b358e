package dev.podbgp.bgp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** Big-endian reads from a byte array. Callers check bounds first; these do not. */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Bytes() {}

    public static int u8(byte[] b, int o) {
        return b[o] & 0xff;
    }

    public static int u16(byte[] b, int o) {
        return (b[o] & 0xff) << 8 | (b[o + 1] & 0xff);
    }

    public static long u32(byte[] b, int o) {
        return ((long) (b[o] & 0xff) << 24) | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
    }

    public static int s32(byte[] b, int o) {
        return (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
    }

    public static long u64(byte[] b, int o) {
        return u32(b, o) << 32 | u32(b, o + 4);
    }

    public static byte[] copy(byte[] b, int from, int length) {
        return Arrays.copyOfRange(b, from, from + length);
    }

    /** Upper-case hex without separators, as ExaBGP prints raw data ({@code 0x...} added by callers). */
    public static String hex(byte[] b, int from, int length) {
        return HEX.formatHex(b, from, from + length);
    }

    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    public static byte[] fromHex(String hex) {
        String clean = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return HexFormat.of().parseHex(clean.replace(" ", "").replace(":", ""));
    }
}
