package dev.podbgp.bgp.exabgp;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Hand-made UPDATE messages for tests of the oracle: bytes spelled out, no podbgp encoder used. */
final class UpdateHex {
    private UpdateHex() {}

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** RFC 4271 §4.3, with the §4.1 header. */
    static String update(byte[] withdrawn, byte[] attributes, byte[] nlri) {
        byte[] body = concat(u16(withdrawn.length), withdrawn, u16(attributes.length), attributes, nlri);
        byte[] header = concat(hex("FF".repeat(16)), u16(19 + body.length), new byte[] {2});
        return HexFormat.of().withUpperCase().formatHex(concat(header, body));
    }

    static String announce(byte[] attributes, byte[] nlri) {
        return update(new byte[0], attributes, nlri);
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    static byte[] attr(int flags, int code, byte[] value) {
        if (value.length > 255) {
            return concat(new byte[] {(byte) (flags | 0x10), (byte) code}, u16(value.length), value);
        }
        return concat(new byte[] {(byte) flags, (byte) code, (byte) value.length}, value);
    }

    static final byte[] ORIGIN_IGP = hex("40 01 01 00");

    /** One AS_SEQUENCE of 4-octet ASNs. */
    static byte[] asPath4(long... asns) {
        return asPath(4, asns);
    }

    static byte[] asPath2(long... asns) {
        return asPath(2, asns);
    }

    private static byte[] asPath(int width, long... asns) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.write(2);
        v.write(asns.length);
        for (long a : asns) {
            for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
                v.write((int) (a >> shift));
            }
        }
        return attr(0x40, 2, v.toByteArray());
    }

    static byte[] nextHop(int a, int b, int c, int d) {
        return attr(0x40, 3, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    /** An IPv4 prefix in NLRI encoding (RFC 4271 §4.3): length, then the significant octets. */
    static byte[] prefix4(int a, int b, int c, int d, int length) {
        byte[] all = {(byte) a, (byte) b, (byte) c, (byte) d};
        byte[] out = new byte[1 + (length + 7) / 8];
        out[0] = (byte) length;
        System.arraycopy(all, 0, out, 1, out.length - 1);
        return out;
    }
}
