package dev.podbgp.config;

/** Strict decimal parsing for values inside strings (communities, prefix lengths). */
final class Numbers {
    private Numbers() {
    }

    /** 1..10 ASCII digits: enough for 32 bits, short enough that parsing cannot overflow a long. */
    static boolean isDigits(String s) {
        return !s.isEmpty() && s.length() <= 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static long parse(String digits) {
        return Long.parseLong(digits);
    }
}
