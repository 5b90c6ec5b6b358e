package dev.podbgp.bgp.wire;

import java.util.HexFormat;

/** Builds UPDATE bodies from hex pieces, so golden tests read like the RFC's field diagrams. */
public final class UpdateBytes {
    private UpdateBytes() {}

    public static String attr(int flags, int type, String valueHex) {
        int len = valueHex.replace(" ", "").length() / 2;
        boolean ext = (flags & 0x10) != 0;
        return String.format(ext ? "%02X%02X%04X" : "%02X%02X%02X", flags, type, len) + valueHex.replace(" ", "");
    }

    /** withdrawn routes, attribute section and NLRI (each hex) into an UPDATE body. */
    public static byte[] body(String withdrawnHex, String attributesHex, String nlriHex) {
        String w = withdrawnHex.replace(" ", "");
        String a = attributesHex.replace(" ", "");
        String hex = String.format("%04X", w.length() / 2) + w + String.format("%04X", a.length() / 2) + a
                + nlriHex.replace(" ", "");
        return HexFormat.of().parseHex(hex);
    }

    public static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    public static final String ORIGIN_IGP = attr(0x40, 1, "00");
    public static final String AS_PATH_65001_4 = attr(0x40, 2, "02 01 0000FDE9");
    public static final String NEXT_HOP_192_0_2_1 = attr(0x40, 3, "C0000201");
}
