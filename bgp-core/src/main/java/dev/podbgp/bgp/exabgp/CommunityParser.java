package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.exabgp.CommandLexer.Token;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code community} (RFC 1997) and {@code large-community} (RFC 8092) values, one word or a
 * {@code [ ... ]} list. An empty list gives no attribute: ExaBGP sends nothing for it, and a
 * zero-length COMMUNITIES attribute would be malformed (RFC 7606 §7.8).
 */
final class CommunityParser {
    private CommunityParser() {}

    /** RFC 7999 BLACKHOLE, a well-known name ExaBGP accepts. */
    static final int BLACKHOLE = 0xFFFF029A;
    /** RFC 3765 NOPEER. */
    static final int NO_PEER = 0xFFFFFF04;

    /** The attribute, or {@code null} for an empty list. */
    static Communities community(Cursor in) {
        List<Token> words = in.oneOrList("community needs a value such as 65000:1 or no-export, or a list [ ... ]");
        int[] values = new int[words.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = one(words.get(i));
        }
        return values.length == 0 ? null : new Communities(values);
    }

    private static int one(Token t) {
        String s = t.text();
        int colon = s.indexOf(':');
        if (colon > 0) {
            // ExaBGP checks each half against 2^32 and then adds them, so it turns 1:70000
            // into 2:4464; each half is 16 bits (RFC 1997), anything larger is refused here.
            long high = Numbers.decimal(s.substring(0, colon), t, "community AS half", Numbers.U16_MAX);
            long low = Numbers.decimal(s.substring(colon + 1), t, "community value half", Numbers.U16_MAX);
            return (int) (high << 16 | low);
        }
        if (s.regionMatches(true, 0, "0x", 0, 2)) {
            return (int) Numbers.decimalOrHex(t, "community", Numbers.U32_MAX);
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "no-export" -> Communities.NO_EXPORT;
            case "no-advertise" -> Communities.NO_ADVERTISE;
            case "no-export-subconfed" -> Communities.NO_EXPORT_SUBCONFED;
            case "nopeer", "no-peer" -> NO_PEER;
            case "blackhole" -> BLACKHOLE;
            default -> {
                if (!Numbers.isDecimal(s)) {
                    throw Cursor.fail(t, "community must be ASN:VALUE, a 32-bit number, 0x hex or one of no-export, "
                            + "no-advertise, no-export-subconfed, nopeer, blackhole; not '" + s + "'");
                }
                yield (int) Numbers.decimal(t, "community", Numbers.U32_MAX);
            }
        };
    }

    /** The attribute, or {@code null} for an empty list. Repeated values are sent once, as ExaBGP does. */
    static LargeCommunities large(Cursor in) {
        List<Token> words = in.oneOrList("large-community needs a value such as 65000:1:2, or a list [ ... ]");
        List<long[]> triples = new ArrayList<>();
        for (Token t : words) {
            long[] v = largeOne(t);
            if (triples.stream().noneMatch(x -> x[0] == v[0] && x[1] == v[1] && x[2] == v[2])) {
                triples.add(v);
            }
        }
        if (triples.isEmpty()) {
            return null;
        }
        long[] flat = new long[3 * triples.size()];
        for (int i = 0; i < triples.size(); i++) {
            System.arraycopy(triples.get(i), 0, flat, 3 * i, 3);
        }
        return LargeCommunities.of(flat);
    }

    private static final BigInteger U96_MAX = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE);

    private static long[] largeOne(Token t) {
        String s = t.text();
        if (s.indexOf(':') >= 0) {
            String[] parts = s.split(":", -1);
            if (parts.length != 3) {
                throw Cursor.fail(t, "large-community must be GLOBAL:LOCAL1:LOCAL2, not '" + s + "'");
            }
            return new long[] {
                Numbers.decimal(parts[0], t, "large-community global administrator", Numbers.U32_MAX),
                Numbers.decimal(parts[1], t, "large-community local data 1", Numbers.U32_MAX),
                Numbers.decimal(parts[2], t, "large-community local data 2", Numbers.U32_MAX)};
        }
        boolean hex = s.regionMatches(true, 0, "0x", 0, 2);
        String digits = hex ? s.substring(2) : s;
        boolean wellFormed = !digits.isEmpty()
                && digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9');
        BigInteger v = wellFormed ? new BigInteger(digits, hex ? 16 : 10) : null;
        if (v == null) {
            throw Cursor.fail(t, "large-community must be GLOBAL:LOCAL1:LOCAL2 or a 96-bit number, not '" + s + "'");
        }
        if (v.compareTo(U96_MAX) > 0) {
            throw Cursor.fail(t, "large-community " + s + " does not fit in 96 bits");
        }
        return new long[] {v.shiftRight(64).longValue(), v.shiftRight(32).longValue() & Numbers.U32_MAX,
            v.longValue() & Numbers.U32_MAX};
    }
}
