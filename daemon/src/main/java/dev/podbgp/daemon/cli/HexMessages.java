package dev.podbgp.daemon.cli;

import dev.podbgp.bgp.wire.Bytes;
import dev.podbgp.bgp.wire.message.MessageCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What {@code podbgp decode} accepts, which is what {@code exabgp --decode} accepts: all
 * arguments joined, colons and blanks dropped. Input starting with the 16-octet marker is a run
 * of whole messages split by their header's length field; anything else is one UPDATE body
 * without its header. (ExaBGP reads that length as {@code octet16 << 16 | octet17}, a bug that
 * makes it swallow what follows a message of 256 octets or more; we read it as RFC 4271 §4.1
 * says.)
 */
final class HexMessages {
    private HexMessages() {}

    static final byte[] MARKER = filled(16, (byte) 0xFF);

    /** One message as framed from the input, or the reason the framing failed at that point. */
    sealed interface Piece {
        record Message(byte[] bytes) implements Piece {}

        record Unframed(int offset, String reason) implements Piece {}
    }

    static byte[] parse(List<String> args) throws UsageException {
        String joined = String.join("", args).replaceAll("[:\\s]", "");
        if (joined.isEmpty()) {
            throw new UsageException("no hex given");
        }
        if (joined.length() % 2 != 0 || !joined.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new UsageException("not a hexadecimal string of whole octets: " + abbreviate(joined));
        }
        return HexFormat.of().parseHex(joined);
    }

    static List<Piece> split(byte[] input) {
        if (!startsWithMarker(input, 0)) {
            return List.of(new Piece.Message(withHeader(input)));
        }
        List<Piece> out = new ArrayList<>();
        int off = 0;
        while (off < input.length) {
            int left = input.length - off;
            if (left < MessageCodec.HEADER_LENGTH || !startsWithMarker(input, off)) {
                out.add(new Piece.Unframed(off, left < MessageCodec.HEADER_LENGTH
                        ? left + " octets left, fewer than a 19-octet header" : "no marker where a message should start"));
                return out;
            }
            int length = Bytes.u16(input, off + 16);
            if (length < MessageCodec.HEADER_LENGTH || length > left) {
                out.add(new Piece.Unframed(off, "header length " + length + " but " + left + " octets left"));
                return out;
            }
            out.add(new Piece.Message(Arrays.copyOfRange(input, off, off + length)));
            off += length;
        }
        return out;
    }

    /** An UPDATE body becomes a whole UPDATE message (type 2), as ExaBGP assumes for headerless input. */
    static byte[] withHeader(byte[] body) {
        int length = body.length + MessageCodec.HEADER_LENGTH;
        byte[] out = new byte[length];
        System.arraycopy(MARKER, 0, out, 0, 16);
        out[16] = (byte) (length >>> 8);
        out[17] = (byte) length;
        out[18] = 2;
        System.arraycopy(body, 0, out, MessageCodec.HEADER_LENGTH, body.length);
        return out;
    }

    private static boolean startsWithMarker(byte[] b, int off) {
        return b.length - off >= 16 && Arrays.equals(b, off, off + 16, MARKER, 0, 16);
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        Arrays.fill(b, value);
        return b;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
