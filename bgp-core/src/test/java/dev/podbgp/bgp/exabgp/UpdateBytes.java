package dev.podbgp.bgp.exabgp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A whole UPDATE message split into its raw fields, for comparing podbgp's bytes with
 * ExaBGP's after undoing one of ExaBGP's documented quirks (docs/exabgp-compat.md). Works on
 * bytes only, so it does not share code (or bugs) with the encoder under test.
 */
record UpdateBytes(byte[] withdrawn, List<byte[]> attributes, byte[] nlri) {

    static final int MP_REACH = 14;
    static final int MP_UNREACH = 15;

    static UpdateBytes parse(byte[] m) {
        int p = 19;
        int wlen = u16(m, p);
        byte[] withdrawn = Arrays.copyOfRange(m, p + 2, p + 2 + wlen);
        p += 2 + wlen;
        int alen = u16(m, p);
        p += 2;
        int end = p + alen;
        List<byte[]> attrs = new ArrayList<>();
        while (p < end) {
            boolean ext = (m[p] & 0x10) != 0;
            int len = ext ? u16(m, p + 2) : m[p + 2] & 0xff;
            int total = (ext ? 4 : 3) + len;
            attrs.add(Arrays.copyOfRange(m, p, p + total));
            p += total;
        }
        return new UpdateBytes(withdrawn, attrs, Arrays.copyOfRange(m, end, m.length));
    }

    static UpdateBytes parseHex(String hex) {
        return parse(HexFormat.of().parseHex(hex));
    }

    byte[] toMessage() {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        attributes.forEach(a::writeBytes);
        byte[] attrs = a.toByteArray();
        int length = 19 + 2 + withdrawn.length + 2 + attrs.length + nlri.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 16; i++) {
            out.write(0xff);
        }
        out.write(length >> 8);
        out.write(length);
        out.write(2);
        out.write(withdrawn.length >> 8);
        out.write(withdrawn.length);
        out.writeBytes(withdrawn);
        out.write(attrs.length >> 8);
        out.write(attrs.length);
        out.writeBytes(attrs);
        out.writeBytes(nlri);
        return out.toByteArray();
    }

    static int type(byte[] tlv) {
        return tlv[1] & 0xff;
    }

    static byte[] value(byte[] tlv) {
        return Arrays.copyOfRange(tlv, (tlv[0] & 0x10) != 0 ? 4 : 3, tlv.length);
    }

    static byte[] tlv(int flags, int type, byte[] value) {
        boolean ext = value.length > 255;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ext ? flags | 0x10 : flags & ~0x10);
        out.write(type);
        if (ext) {
            out.write(value.length >> 8);
        }
        out.write(value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    byte[] attribute(int type) {
        return attributes.stream().filter(t -> type(t) == type).findFirst().orElse(null);
    }

    /**
     * podbgp's canonical order: MP_REACH_NLRI / MP_UNREACH_NLRI first (RFC 7606 §5.1), then
     * ascending type code (RFC 4271 §5).
     */
    UpdateBytes canonicalOrder() {
        List<byte[]> sorted = new ArrayList<>(attributes);
        sorted.sort(Comparator.comparingInt(t -> type(t) == MP_REACH || type(t) == MP_UNREACH ? type(t) - 256 : type(t)));
        return new UpdateBytes(withdrawn, sorted, nlri);
    }

    private static int u16(byte[] b, int o) {
        return (b[o] & 0xff) << 8 | (b[o + 1] & 0xff);
    }
}
