package dev.podbgp.config;

/** A TCP MD5 password (RFC 2385). Compared by value for reload diffs, never printed. */
public record Secret(String value) {
    /** Linux TCP_MD5SIG_MAXKEYLEN. */
    public static final int MAX_LENGTH = 80;

    public Secret {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a password has 1 to " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "********";
    }
}
