package dev.podbgp.rib.policy;

import dev.podbgp.inet.Prefix;

/**
 * One prefix-list entry: prefixes inside {@code prefix} whose length is in
 * {@code minLength..maxLength}. Written as operators know it from FRR and BIRD:
 * {@code 10.240.0.0/16} (exactly that prefix), {@code 10.240.0.0/16 le 24},
 * {@code 10.240.0.0/16 ge 24 le 26}, {@code fd00::/48 ge 64}.
 */
public record PrefixRange(Prefix prefix, int minLength, int maxLength) {

    public PrefixRange {
        int max = prefix.family().bitLength();
        if (minLength < prefix.length() || maxLength < minLength || maxLength > max) {
            throw new IllegalArgumentException("prefix range " + prefix + " " + minLength + ".." + maxLength
                    + " needs " + prefix.length() + " <= ge <= le <= " + max);
        }
    }

    /** Exactly this prefix. */
    public static PrefixRange exact(Prefix prefix) {
        return new PrefixRange(prefix, prefix.length(), prefix.length());
    }

    /**
     * Parses {@code prefix [ge N] [le M]}. As in FRR, {@code ge} alone means up to the family's
     * full length and {@code le} alone means from the prefix's own length.
     */
    public static PrefixRange parse(String text) {
        String[] w = text.trim().split("\\s+");
        Prefix p = Prefix.parse(w[0]);
        Integer ge = null;
        Integer le = null;
        for (int i = 1; i < w.length; i += 2) {
            if (i + 1 >= w.length) {
                throw new IllegalArgumentException("'" + text + "': " + w[i] + " needs a length");
            }
            int n = parseLength(text, w[i + 1]);
            switch (w[i]) {
                case "ge" -> ge = n;
                case "le" -> le = n;
                default -> throw new IllegalArgumentException("'" + text + "': expected ge or le, not " + w[i]);
            }
        }
        int min = ge != null ? ge : p.length();
        int max = le != null ? le : ge != null ? p.family().bitLength() : p.length();
        return new PrefixRange(p, min, max);
    }

    private static int parseLength(String text, String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': " + word + " is not a prefix length", e);
        }
    }

    /** Inside the prefix (same family) and of a length in range. */
    public boolean matches(Prefix candidate) {
        return prefix.contains(candidate) && candidate.length() >= minLength && candidate.length() <= maxLength;
    }

    @Override
    public String toString() {
        if (minLength == prefix.length() && maxLength == prefix.length()) {
            return prefix.toString();
        }
        StringBuilder sb = new StringBuilder(prefix.toString());
        if (minLength != prefix.length()) {
            sb.append(" ge ").append(minLength);
        }
        if (maxLength != prefix.family().bitLength() || minLength == prefix.length()) {
            sb.append(" le ").append(maxLength);
        }
        return sb.toString();
    }
}
