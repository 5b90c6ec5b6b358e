package dev.podbgp.bgp.exabgp;

import dev.podbgp.bgp.exabgp.CommandLexer.Token;

/** Decimal and hexadecimal numbers as ExaBGP's keywords accept them, with ranges checked. */
final class Numbers {
    private Numbers() {}

    static final long U16_MAX = 0xFFFF;
    static final long U32_MAX = 0xFFFF_FFFFL;

    static boolean isDecimal(String s) {
        if (s.isEmpty() || s.length() > 20) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Decimal digits only (ExaBGP tests {@code isdigit()}), at most {@code max}. */
    static long decimal(Token t, String what, long max) {
        return decimal(t.text(), t, what, max);
    }

    static long decimal(String text, Token t, String what, long max) {
        if (!isDecimal(text)) {
            throw Cursor.fail(t, what + " must be a decimal number from 0 to " + max + ", not '" + text + "'");
        }
        try {
            long v = Long.parseLong(text);
            if (v <= max) {
                return v;
            }
        } catch (NumberFormatException tooLong) {
            // falls through to the range error
        }
        throw Cursor.fail(t, what + " " + text + " is above " + max);
    }

    /** RFC 6793: AS numbers are 32 bits; ExaBGP has no asdot form. */
    static long asn(String text, Token t, String what) {
        return decimal(text, t, what, U32_MAX);
    }

    /** {@code 0x} followed by an even number of hex digits. */
    static byte[] hexBytes(String text, Token t, String what) {
        if (!text.regionMatches(true, 0, "0x", 0, 2)) {
            throw Cursor.fail(t, what + " must be 0x followed by hex digits, not '" + text + "'");
        }
        String digits = text.substring(2);
        if (digits.length() % 2 != 0 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw Cursor.fail(t, what + " must be 0x followed by an even number of hex digits, not '" + text + "'");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }

    /** {@code 0x}-prefixed hex or decimal, at most {@code maxUnsigned} (compared unsigned). */
    static long decimalOrHex(Token t, String what, long maxUnsigned) {
        String s = t.text();
        if (s.regionMatches(true, 0, "0x", 0, 2)) {
            String digits = s.substring(2);
            if (digits.isEmpty() || digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw Cursor.fail(t, what + " must be a decimal number or 0x followed by at most 16 hex digits, not '" + s + "'");
            }
            long v = Long.parseUnsignedLong(digits, 16);
            if (Long.compareUnsigned(v, maxUnsigned) > 0) {
                throw Cursor.fail(t, what + " " + s + " is above " + Long.toUnsignedString(maxUnsigned));
            }
            return v;
        }
        if (!isDecimal(s)) {
            throw Cursor.fail(t, what + " must be a decimal number or 0x hex, not '" + s + "'");
        }
        long v;
        try {
            v = Long.parseUnsignedLong(s);
        } catch (NumberFormatException tooLarge) {
            throw Cursor.fail(t, what + " " + s + " is above " + Long.toUnsignedString(maxUnsigned));
        }
        if (Long.compareUnsigned(v, maxUnsigned) > 0) {
            throw Cursor.fail(t, what + " " + s + " is above " + Long.toUnsignedString(maxUnsigned));
        }
        return v;
    }
}
