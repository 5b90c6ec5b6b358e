package dev.podbgp.config;

import dev.podbgp.inet.Prefix;

/**
 * A prefix-list entry {@code prefix [ge N] [le M]} as FRR and BIRD write it: prefixes inside
 * {@code prefix} with a length in {@code ge..le}. {@code ge} alone runs to the full length,
 * {@code le} alone starts at the prefix's own length.
 */
public record PrefixRangeSpec(Prefix prefix, int ge, int le) {
    public PrefixRangeSpec {
        int max = prefix.family().bitLength();
        if (ge < prefix.length() || le < ge || le > max) {
            throw new IllegalArgumentException("'" + prefix + " ge " + ge + " le " + le + "' needs "
                    + prefix.length() + " <= ge <= le <= " + max);
        }
    }

    public static PrefixRangeSpec parse(String text) {
        String[] w = text.strip().split("\\s+");
        Prefix p = Prefix.parse(w[0]);
        Integer ge = null;
        Integer le = null;
        for (int i = 1; i < w.length; i += 2) {
            if (i + 1 >= w.length || !Numbers.isDigits(w[i + 1]) || w[i + 1].length() > 3) {
                throw new IllegalArgumentException("'" + text + "': " + w[i] + " needs a prefix length");
            }
            int n = (int) Numbers.parse(w[i + 1]);
            switch (w[i]) {
                case "ge" -> ge = n;
                case "le" -> le = n;
                default -> throw new IllegalArgumentException("'" + text + "': expected ge or le, not '" + w[i] + "'");
            }
        }
        int min = ge != null ? ge : p.length();
        int max = le != null ? le : ge != null ? p.family().bitLength() : p.length();
        return new PrefixRangeSpec(p, min, max);
    }

    @Override
    public String toString() {
        if (ge == prefix.length() && le == prefix.length()) {
            return prefix.toString();
        }
        return prefix + (ge != prefix.length() ? " ge " + ge : "") + " le " + le;
    }
}
